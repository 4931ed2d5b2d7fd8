"""Screenshots of Superset dashboards with headless Chromium over the DevTools protocol (for the closing note of a change
to the Superset renderer; SupersetIT runs it when -Dlake.superset.screenshots=<folder> is given).

Usage: python superset-screenshots.py BASE_URL USER PASSWORD_FILE OUT_DIR SLUG...
Logs in through Superset's login form, hands the session cookie to Chromium, waits for the charts to draw, and saves
OUT_DIR/<slug>.png. Runs with the Python of Superset's environment, which has requests and websocket-client."""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import requests
import websocket

base, user, password_file, out = sys.argv[1:5]
slugs = sys.argv[5:]
password = open(password_file, encoding="utf-8").read().strip()
session = requests.Session()
session.trust_env = False
page = session.get(base + "/login/").text
found = re.search(r'name="csrf_token"\s+id="csrf_token"\s+value="([^"]+)"', page)
if found is None:
    raise SystemExit("no CSRF token on Superset's login page")
session.post(base + "/login/", data={"username": user, "password": password, "csrf_token": found.group(1)}, allow_redirects=False)
cookie = session.cookies.get("session")
if not cookie:
    raise SystemExit("Superset refused the login of " + user)

profile = tempfile.mkdtemp()
port_file = os.path.join(profile, "DevToolsActivePort")
chrome = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                           "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=1440,1700",
                           "--lang=ja", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        if os.path.exists(port_file) and open(port_file).read().strip():
            break
        time.sleep(0.2)
    port = int(open(port_file).read().split()[0])
    targets = session.get("http://127.0.0.1:%d/json/list" % port).json()
    target = [each for each in targets if each["type"] == "page"][0]
    socket = websocket.create_connection(target["webSocketDebuggerUrl"], suppress_origin=True)
    counter = [0]

    def call(method, **params):
        counter[0] += 1
        socket.send(json.dumps({"id": counter[0], "method": method, "params": params}))
        while True:
            message = json.loads(socket.recv())
            if message.get("id") == counter[0]:
                return message.get("result", message)

    call("Network.enable")
    call("Emulation.setDeviceMetricsOverride", width=1440, height=1700, deviceScaleFactor=1, mobile=False)
    call("Network.setCookie", name="session", value=cookie, domain="127.0.0.1", path="/", httpOnly=True)
    os.makedirs(out, exist_ok=True)
    for slug in slugs:
        call("Page.navigate", url=base + "/superset/dashboard/" + slug + "/")
        time.sleep(int(os.environ.get("SCREENSHOT_WAIT_SECONDS", "25")))
        data = call("Page.captureScreenshot", format="png")["data"]
        path = os.path.join(out, slug + ".png")
        with open(path, "wb") as png:
            png.write(base64.b64decode(data))
        print(path)
finally:
    chrome.terminate()
    chrome.wait()
    shutil.rmtree(profile, ignore_errors=True)
