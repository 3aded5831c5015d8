extension Templates {
    /// The page layout. `content` is the output of the page's own template (already escaped there).
    static let layout = #"""
    <!doctype html>
    <html lang="{{htmlLang}}"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="csrf" content="{{csrf}}"><meta name="lang" content="{{lang}}">
    <title>{{title}} · {{t.appName}}</title>
    <link rel="stylesheet" href="/assets/app.css"><script src="/assets/app.js" defer></script>
    </head><body>
    <header><span class="brand">{{t.appName}}</span><nav>{{#nav}}<a href="{{href}}"{{#active}} class="active"{{/active}}>{{label}}</a>{{/nav}}{{#user}}<span class="user">{{t.signedInAs}}：{{username}}（{{role}}）</span><form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button>{{t.logout}}</button></form>{{/user}}<a class="lang" href="?lang={{otherLang}}">{{t.language}}</a></nav></header>
    <main><h1>{{title}}</h1>
    {{{content}}}
    </main></body></html>
    """#

    /// The login form.
    static let login = #"""
    {{#failed}}<p class="error" role="alert">{{t.loginFailed}}</p>{{/failed}}
    <form method="post" action="/login" class="login" id="login-form">
    <input type="hidden" name="next" value="{{next}}">
    <label>{{t.username}} <input name="username" id="username" autocomplete="username" required maxlength="32"></label>
    <label>{{t.password}} <input name="password" id="password" type="password" autocomplete="current-password" required maxlength="256"></label>
    <button type="submit" id="login-submit">{{t.signIn}}</button>
    </form>
    """#
}
