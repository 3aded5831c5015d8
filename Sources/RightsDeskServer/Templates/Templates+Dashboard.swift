extension Templates {
    /// Horizontal bars (partial; model ``Charts/Bars``).
    static let barChart = #"""
    {{#empty}}<p class="muted">—</p>{{/empty}}{{^empty}}<svg class="chart" viewBox="0 0 {{width}} {{height}}" role="img" xmlns="http://www.w3.org/2000/svg">{{#bars}}{{#href}}<a href="{{href}}">{{/href}}<text x="0" y="{{textY}}" class="axis">{{label}}</text><rect x="{{rectX}}" y="{{rectY}}" width="{{barWidth}}" height="18" fill="{{fill}}"/><text x="{{valueX}}" y="{{textY}}" class="axis">{{value}}</text>{{#href}}</a>{{/href}}{{/bars}}</svg>{{/empty}}
    """#

    /// Vertical stacked bars with a legend (partial; model ``Charts/Stacked``).
    static let stackedChart = #"""
    <svg class="chart" viewBox="0 0 {{width}} {{height}}" role="img" xmlns="http://www.w3.org/2000/svg"><text x="0" y="12" class="axis">{{maxTotal}}</text><line x1="{{left}}" y1="{{baseY}}" x2="{{width}}" y2="{{baseY}}" stroke="#999"/>{{#columns}}{{#bars}}<rect x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}" fill="{{fill}}"><title>{{title}}</title></rect>{{/bars}}<text x="{{x}}" y="{{labelY}}" class="axis">{{label}}</text>{{/columns}}{{#legend}}<rect x="{{x}}" y="{{y}}" width="10" height="10" fill="{{fill}}"/><text x="{{tx}}" y="{{ty}}" class="axis">{{name}}</text>{{/legend}}</svg>
    """#

    /// The supervisor dashboard.
    static let dashboard = #"""
    <div class="stats"><div class="stat"><b>{{total}}</b>{{t.total}}</div><div class="stat"><b>{{open}}</b>{{t.open}}</div><div class="stat overdue"><b>{{overdueCount}}</b>{{t.overdue}}</div></div>
    <div class="charts">
    <section class="card"><h2>{{t.casesPerWeek}}</h2>{{#perWeek}}{{> stackedChart}}{{/perWeek}}</section>
    <section class="card"><h2>{{t.byDepartment}}</h2>{{#departments}}{{> barChart}}{{/departments}}</section>
    <section class="card"><h2>{{t.overdueCounts}}</h2>{{#overdueChart}}{{> barChart}}{{/overdueChart}}</section>
    <section class="card" id="flagged-panel"><h2>{{t.flaggedIntermediaries}}</h2>{{^flagged}}<p class="muted">{{t.noEntities}}</p>{{/flagged}}{{#hasFlagged}}{{#flaggedChart}}{{> barChart}}{{/flaggedChart}}<ul class="flagged" id="flagged-list">{{#flagged}}<li>{{kind}} <a href="{{link}}">{{display}}</a> — {{#rules}}<span class="rule" title="{{id}}">{{name}}×{{count}}</span> {{/rules}}</li>{{/flagged}}</ul>{{/hasFlagged}}<p><a href="/entities?flagged=true">{{t.entities}} →</a></p></section>
    </div>
    """#
}
