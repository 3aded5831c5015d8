extension Templates {
    /// The case page: facts, narrative with highlighted evidence, parties, deadline, findings, actions, timeline.
    /// (Names looked up inside a section climb to the page model when missing: the model's keys are chosen so that an
    /// absent optional of an item never finds one of them.)
    static let casePage = #"""
    <div class="case-grid">
    <section class="card facts" id="case-facts">
    <p><b>{{t.kind}}</b> {{kind}} · <b>{{t.status}}</b> <span id="case-status">{{status}}</span> · <b>{{t.priority}}</b> {{priority}} · <b>{{t.version}}</b> {{version}}</p>
    <p><b>{{t.department}}</b> {{department}} · <b>{{t.assignee}}</b> {{assignee}}</p>
    <h2>{{t.narrative}}</h2><p class="narrative" id="narrative-text">{{#segments}}{{#mark}}<mark>{{text}}</mark>{{/mark}}{{^mark}}{{text}}{{/mark}}{{/segments}}</p>
    <h2>{{t.parties}}</h2><ul class="parties">{{#parties}}<li>{{role}}：{{name}}{{#phone}} · {{phone}}{{/phone}}{{#idNumber}} · {{idNumber}}{{/idNumber}}</li>{{/parties}}{{^parties}}<li>{{t.nothing}}</li>{{/parties}}</ul>
    {{#showFullLink}}<p class="muted">{{t.masked}} · <a href="/cases/{{id}}?full=1">{{t.showPersonal}}</a></p>{{/showFullLink}}
    </section>
    <section class="card">
    <h2>{{t.deadline}}</h2>
    <p class="{{#overdue}}overdue{{/overdue}}" id="deadline"><b>{{t.dueAt}}</b> {{due}} · {{deadlineState}} · {{t.daysLeft}} {{daysLeft}}/{{daysTotal}}{{#overdue}} <span class="badge overdue">{{t.overdue}}</span>{{/overdue}}</p>
    <h2>{{t.findings}}</h2>
    {{^findings}}<p class="muted">{{t.noRedFlags}}</p>{{/findings}}
    {{#hasFindings}}<p id="verdict">{{verdict}} · {{t.score}} {{score}}</p><ul class="findings" id="findings">{{#findings}}<li class="sev-{{severity}}" title="{{rule}}"><span class="badge sev">{{severityLabel}}</span> {{message}}{{#excerpt}} — <mark>{{excerpt}}</mark>{{/excerpt}}</li>{{/findings}}</ul>{{/hasFindings}}
    </section>
    <section class="card actions"><h2>{{t.actions}}</h2>
    {{#actions}}<form method="post" action="/cases/{{id}}/transition" class="action" data-event="{{event}}"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="event" value="{{event}}"><input type="hidden" name="expectedVersion" value="{{version}}">{{#isAssign}}<input name="assignee" placeholder="{{t.assignee}}" maxlength="40"><input name="department" placeholder="{{t.department}}" maxlength="60">{{/isAssign}}{{#isRefer}}<select name="authority">{{#authorities}}<option value="{{value}}">{{label}}</option>{{/authorities}}</select>{{/isRefer}}{{#requiresReason}}<input name="reason" required placeholder="{{t.reason}}" maxlength="500">{{/requiresReason}}<button id="action-{{event}}">{{label}}</button></form>
    {{/actions}}
    {{#canNote}}<form method="post" action="/cases/{{id}}/notes" class="action"><input type="hidden" name="_csrf" value="{{csrf}}"><input name="text" required maxlength="2000" placeholder="{{t.note}}"><button>{{t.addNote}}</button></form>{{/canNote}}
    {{#hasActions}}<p class="muted">{{t.expectedVersionHint}}</p>{{/hasActions}}{{^hasActions}}<p class="muted">{{t.nothing}}</p>{{/hasActions}}
    </section>
    <section class="card timeline"><h2>{{t.timeline}}</h2><ol class="timeline" id="timeline">{{#timeline}}<li><time>{{at}}</time> <b>{{label}}</b> · {{actor}}{{#transition}} · {{from}} → {{to}}{{/transition}}{{#reason}}<br><span class="muted">{{t.reason}}：{{reason}}</span>{{/reason}}{{#text}}<br>{{text}}{{/text}}</li>{{/timeline}}</ol></section>
    </div>
    """#
}
