extension Templates {
    /// One entity: facts, watchlist and audit, flags with evidence and legal basis, linked cases.
    static let entity = #"""
    <div class="case-grid">
    <section class="card" id="entity-facts">
    <p><b>{{t.kind}}</b> {{kindLabel}} · <b>{{t.entity}}</b> <span id="entity-value">{{value}}</span>{{#watched}} <span class="badge watched">★ {{t.watched}}</span>{{/watched}}</p>
    <p><b>{{t.firstSeen}}</b> {{firstSeen}} · <b>{{t.lastSeen}}</b> {{lastSeen}}</p>
    <p><b>{{t.caseCount}}</b> {{caseCount}} · <b>{{t.postingCount}}</b> {{postingCount}}</p>
    <p><b>{{t.recentCounts}}</b> {{windows}}</p>
    {{#companies}}<p><b>{{t.companies}}</b> {{companies}}</p>{{/companies}}
    {{#postings}}<p><b>{{t.relatedPostings}}</b> {{postings}}</p>{{/postings}}
    {{#fullLink}}<p class="muted">{{t.masked}} · <a href="{{fullLink}}" id="entity-full">{{t.showPersonal}}</a></p>{{/fullLink}}
    </section>
    <section class="card" id="entity-watch"><h2>{{t.watched}}</h2>
    {{#watch}}<p><b>{{t.watchReason}}</b> {{watchReason}} · {{addedBy}} · {{addedAt}}</p>{{/watch}}
    {{#form}}<form method="post" action="{{formAction}}" class="action" id="watch-form"><input type="hidden" name="_csrf" value="{{csrf}}"><input name="reason" required maxlength="500" placeholder="{{t.reason}}"><button id="{{buttonId}}">{{button}}</button></form>{{/form}}
    {{#hasAudit}}<h2>{{t.audit}}</h2><ol class="timeline" id="entity-audit">{{#audit}}<li><time>{{at}}</time> <b>{{what}}</b> · {{actor}} · {{why}}</li>{{/audit}}</ol>{{/hasAudit}}
    </section>
    <section class="card wide"><h2>{{t.flags}}</h2>{{^flags}}<p class="muted">{{t.nothing}}</p>{{/flags}}{{#hasFlags}}<table class="queue" id="entity-flags"><thead><tr><th>{{t.rule}}</th><th>{{t.evidence}}</th><th>{{t.citations}}</th><th>{{t.number}}</th><th>{{t.at}}</th></tr></thead><tbody>
    {{#flags}}<tr class="sev-{{severity}}"><td title="{{rule}}">{{name}}</td><td>{{#evidence}}<mark>{{.}}</mark> {{/evidence}}</td><td>{{references}}</td><td>{{#caseId}}<a href="/cases/{{caseId}}">#{{caseId}}</a>{{/caseId}}{{#postingId}}{{postingId}}{{/postingId}}</td><td>{{flaggedAt}}</td></tr>
    {{/flags}}</tbody></table>{{/hasFlags}}</section>
    <section class="card wide"><h2>{{t.linkedCases}}</h2>{{^cases}}<p class="muted">{{t.noCases}}</p>{{/cases}}{{#hasCases}}<table class="queue" id="entity-cases"><thead><tr><th>{{t.number}}</th><th>{{t.kind}}</th><th>{{t.status}}</th><th>{{t.entityRole}}</th><th>{{t.at}}</th></tr></thead><tbody>
    {{#cases}}<tr><td><a href="/cases/{{caseId}}">{{number}}</a></td><td>{{caseKind}}</td><td>{{status}}</td><td>{{role}}</td><td>{{namedAt}}</td></tr>
    {{/cases}}</tbody></table>{{/hasCases}}</section>
    </div>
    """#
}
