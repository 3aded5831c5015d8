#!/usr/bin/env python3
"""Drives headless Chromium through the RightsDesk web UI over the DevTools protocol (standard library only).

usage: drive.py CHROMIUM BASE_URL USERNAME PASSWORD SCREENSHOT_DIR [SUPERVISOR PASSWORD]
Walks login -> intake (waits for the live red-flag hint) -> save -> case page -> queue, then as a supervisor the legal
desk, the dashboard and (through the dashboard's flagged intermediaries) an entity page; checks each page and saves
one PNG per page. Prints one 'ok <step>' line per step; exits 1 with 'FAIL <step>: <why>' on the first failure.
"""
import base64, json, os, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request


class DevTools:
    """A minimal WebSocket client (RFC 6455, text frames, client masking) speaking CDP to one page."""

    def __init__(self, ws_url):
        rest = ws_url[len("ws://"):]
        hostport, path = rest.split("/", 1)
        host, port = hostport.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("websocket handshake refused")
        self.next_id = 0

    def _send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        n = len(data)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise RuntimeError("devtools connection closed")
            buf += chunk
        return buf

    def _recv(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            payload = self._exact(n)
            message += payload
            if b0 & 0x80:
                return message.decode()

    def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self._send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self._recv())
            if reply.get("id") == my_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def js(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script error: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=60):
        # Generous: the test suite runs this beside every other suite on a debug build; only appearance is checked.
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.js(expression):
                    return True
            except RuntimeError:
                pass  # page navigating
            time.sleep(0.2)
        return False

    def goto(self, url):
        self.call("Page.navigate", url=url)
        time.sleep(0.3)
        self.wait_for("document.readyState === 'complete'")

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def main():
    chromium, base, user, password, shots = sys.argv[1:6]
    os.makedirs(shots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="rd-chromium-")
    proc = subprocess.Popen([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-dev-shm-usage", "--remote-debugging-port=0", f"--user-data-dir={profile}",
                             "--window-size=1280,900", "--lang=zh-CN", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    step = "start chromium"
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not os.path.exists(port_file) and time.time() < deadline:
            time.sleep(0.1)
        port = open(port_file).read().split("\n")[0]
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        dt = DevTools(next(p for p in pages if p["type"] == "page")["webSocketDebuggerUrl"])
        dt.call("Page.enable")
        dt.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)

        step = "login"
        dt.goto(base + "/login")
        assert dt.js("document.body.innerText.includes('用户名')"), "login page is not in Chinese"
        dt.screenshot(os.path.join(shots, "login.png"))
        dt.js(f"document.getElementById('username').value = {json.dumps(user)};"
              f"document.getElementById('password').value = {json.dumps(password)};"
              "document.getElementById('login-form').submit(); true")
        assert dt.wait_for("location.pathname === '/queue'"), "login did not reach the queue"
        print("ok login", flush=True)

        step = "intake"
        dt.goto(base + "/intake")
        narrative = "在平台找的日结兼职，对方要求先交押金300元才能上岗，交了之后拉黑了我。<script>window.pwned=1</script>"
        dt.js("var n = document.getElementById('narrative');"
              f"n.value = {json.dumps(narrative)}; n.dispatchEvent(new Event('input')); "
              "var r = document.getElementById('respondentName'); r.value = '快跑配送有限公司';"
              "r.dispatchEvent(new Event('input')); true")
        assert dt.wait_for("document.querySelectorAll('#flag-list li.flag').length > 0"), "no live red-flag hint"
        assert dt.wait_for("document.querySelectorAll('#dup-list a').length > 0"), "no same-respondent hint"
        dt.screenshot(os.path.join(shots, "intake.png"))
        dt.js("document.getElementById('intake-form').submit(); true")
        assert dt.wait_for("location.pathname.startsWith('/cases/')"), "saving did not open the case page"
        print("ok intake", flush=True)

        step = "case page"
        assert dt.wait_for("document.getElementById('narrative-text') !== null"), "case page did not load"
        assert dt.js("document.getElementById('narrative-text').innerText.includes('<script>')"), \
            "the script in the narrative is not shown as text"
        assert dt.js("window.pwned === undefined"), "the script in the narrative ran"
        assert dt.js("document.querySelectorAll('#narrative-text mark').length > 0"), "evidence is not highlighted"
        assert dt.js("document.querySelector('[data-event=triage]') !== null"), "no triage action for the operator"
        dt.screenshot(os.path.join(shots, "case.png"))
        dt.js("document.querySelector('[data-event=triage]').submit(); true")
        assert dt.wait_for("document.getElementById('case-status') && "
                           "document.getElementById('case-status').innerText === '已分流'"), "triage did not apply"
        print("ok case page", flush=True)

        step = "queue"
        dt.goto(base + "/queue")
        assert dt.wait_for("document.querySelectorAll('#queue tbody tr').length >= 2"), "queue does not list the cases"
        assert dt.js("document.querySelectorAll('#queue tr.overdue').length >= 1"), "no overdue case highlighted"
        dt.screenshot(os.path.join(shots, "queue.png"))
        print("ok queue", flush=True)

        if len(sys.argv) > 7:
            step = "supervisor login"
            dt.js("document.querySelector('form.inline').submit(); true")
            assert dt.wait_for("location.pathname === '/login'"), "logout did not return to the login page"
            dt.js(f"document.getElementById('username').value = {json.dumps(sys.argv[6])};"
                  f"document.getElementById('password').value = {json.dumps(sys.argv[7])};"
                  "document.getElementById('login-form').submit(); true")
            assert dt.wait_for("location.pathname === '/dashboard'"), "supervisor login did not reach the dashboard"
            for name, path, check in (("legal", "/legal", "#legal-queue tbody tr"), ("dashboard", "/dashboard", "svg.chart")):
                step = name
                dt.goto(base + path)
                assert dt.wait_for(f"document.querySelectorAll('{check}').length > 0"), f"{name} page is empty"
                dt.screenshot(os.path.join(shots, f"{name}.png"))
                print(f"ok {name}", flush=True)
            step = "entity"
            assert dt.js("document.querySelectorAll('#flagged-list a').length > 0"), "no flagged intermediary on the dashboard"
            dt.js("location.href = document.querySelector('#flagged-list a').getAttribute('href'); true")
            assert dt.wait_for("location.pathname.startsWith('/entities/') && "
                               "document.querySelectorAll('#entity-flags tbody tr').length > 0"), "entity page shows no flags"
            assert dt.js("document.querySelectorAll('#entity-cases tbody tr').length > 0"), "entity page lists no cases"
            assert dt.js("document.getElementById('watch-form') !== null"), "no watch form for the supervisor"
            dt.screenshot(os.path.join(shots, "entity.png"))
            print("ok entity", flush=True)
        return 0
    except Exception as error:  # report the step, never a stack of personal data
        print(f"FAIL {step}: {error}", flush=True)
        return 1
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
