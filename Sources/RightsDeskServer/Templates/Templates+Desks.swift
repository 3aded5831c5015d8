extension Templates {
    /// The legal desk queue.
    static let legal = #"""
    {{^items}}<p class="muted">{{t.noCases}}</p>{{/items}}
    {{#hasItems}}<table class="queue" id="legal-queue"><thead><tr><th>{{t.number}}</th><th>{{t.kind}}</th><th>{{t.priority}}</th><th>{{t.authority}}</th><th>{{t.referredAt}}</th><th>{{t.nearestClock}}</th></tr></thead><tbody>
    {{#items}}<tr class="{{#urgent}}overdue{{/urgent}}"><td><a href="/cases/{{id}}">{{number}}</a></td><td>{{kind}}</td><td>{{priority}}</td><td>{{authority}}</td><td>{{referredAt}}</td><td>{{clock}}</td></tr>
    {{/items}}</tbody></table>{{/hasItems}}
    """#

    /// The case queue with filters and paging.
    static let queue = #"""
    <form method="get" action="/queue" class="filters card">
    <label>{{t.status}} <select name="status"><option value="">{{t.all}}</option>{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></label>
    <label>{{t.kind}} <select name="kind"><option value="">{{t.all}}</option>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
    <label>{{t.department}} <input name="department" value="{{department}}"></label>
    <label><input type="checkbox" name="overdue" value="true"{{#overdueOnly}} checked{{/overdueOnly}}> {{t.onlyOverdue}}</label>
    <button>{{t.filter}}</button>
    </form>
    {{^rows}}<p class="muted">{{t.noCases}}</p>{{/rows}}
    {{#hasRows}}<table class="queue" id="queue"><thead><tr><th>{{t.number}}</th><th>{{t.kind}}</th><th>{{t.status}}</th><th>{{t.priority}}</th><th>{{t.department}}</th><th>{{t.assignee}}</th><th>{{t.created}}</th><th>{{t.dueAt}}</th></tr></thead><tbody>
    {{#rows}}<tr class="{{#overdue}}overdue{{/overdue}}{{#urgent}} urgent{{/urgent}}"><td><a href="/cases/{{id}}">{{number}}</a></td><td>{{kind}}</td><td>{{status}}</td><td>{{priority}}</td><td>{{department}}</td><td>{{assignee}}</td><td>{{created}}</td><td>{{due}}{{#overdue}} <span class="badge overdue">{{t.overdue}}</span>{{/overdue}}</td></tr>
    {{/rows}}</tbody></table>{{/hasRows}}
    {{#hasPages}}<p class="pager">{{#pages}}{{^first}} · {{/first}}<a href="{{href}}">{{label}}</a>{{/pages}}</p>{{/hasPages}}
    """#

    /// The intake form; the page script fills the hint lists while the operator types.
    static let intake = #"""
    <div class="intake">
    <form method="post" action="/intake" id="intake-form" class="card">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="row">
    <label>{{t.kind}} <select name="kind" id="kind">{{#kinds}}<option value="{{value}}">{{label}}</option>{{/kinds}}</select></label>
    <label>{{t.channel}} <select name="channel">{{#channels}}<option value="{{value}}">{{label}}</option>{{/channels}}</select></label>
    <label>{{t.priority}} <select name="priority">{{#priorities}}<option value="{{value}}">{{label}}</option>{{/priorities}}</select></label>
    </div>
    <label>{{t.narrative}}<textarea name="narrative" id="narrative" rows="7" required maxlength="20000"></textarea></label>
    <fieldset><legend>{{t.complainant}}</legend>
    <label>{{t.name}} <input name="complainantName" id="complainantName" maxlength="100"></label>
    <label>{{t.phone}} <input name="complainantPhone" id="complainantPhone" maxlength="20" inputmode="tel"></label>
    </fieldset>
    <fieldset><legend>{{t.respondent}}</legend>
    <label>{{t.name}} <input name="respondentName" id="respondentName" maxlength="100"></label>
    <label>{{t.respondentType}} <select name="respondentType">{{#respondentTypes}}<option value="{{value}}">{{label}}</option>{{/respondentTypes}}</select></label>
    <label>{{t.phone}} <input name="respondentPhone" maxlength="20" inputmode="tel"></label>
    </fieldset>
    <label>{{t.department}} <input name="department" maxlength="60"></label>
    <button type="submit" id="intake-submit">{{t.save}}</button>
    </form>
    <aside class="hints">
    <section class="card"><h2>{{t.redFlags}}</h2><ul id="flag-list" data-empty="{{t.noRedFlags}}"><li class="muted">{{t.noRedFlags}}</li></ul></section>
    <section class="card"><h2>{{t.sameRespondent}}</h2><ul id="dup-list" data-empty="{{t.noSameRespondent}}" data-labels="{{statusLabels}}"><li class="muted">{{t.noSameRespondent}}</li></ul></section>
    </aside></div>
    """#

    /// The entity index with filters.
    static let entities = #"""
    <form method="get" action="/entities" class="filters card">
    <label>{{t.kind}} <select name="kind"><option value="">{{t.all}}</option>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
    <label><input type="checkbox" name="flagged" value="true"{{#flagged}} checked{{/flagged}}> {{t.flaggedOnly}}</label>
    <label><input type="checkbox" name="watched" value="true"{{#watched}} checked{{/watched}}> {{t.watchedOnly}}</label>
    <input type="hidden" name="lang" value="{{lang}}">
    <button>{{t.filter}}</button>
    </form>
    {{^rows}}<p class="muted">{{t.noEntities}}</p>{{/rows}}
    {{#hasRows}}<table class="queue" id="entities"><thead><tr><th>{{t.kind}}</th><th>{{t.entity}}</th><th>{{t.caseCount}}</th><th>{{t.postingCount}}</th><th>{{t.flags}}</th><th>{{t.lastSeen}}</th></tr></thead><tbody>
    {{#rows}}<tr><td>{{kind}}</td><td>{{#href}}<a href="{{href}}">{{/href}}{{display}}{{#watched}} <span class="badge watched">★</span>{{/watched}}{{#href}}</a>{{/href}}</td><td>{{cases}}</td><td>{{postings}}</td><td>{{#rules}}<span class="rule" title="{{id}}">{{name}}×{{count}}</span> {{/rules}}</td><td>{{lastSeen}}</td></tr>
    {{/rows}}</tbody></table>{{/hasRows}}
    """#
}
