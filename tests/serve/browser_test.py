#!/usr/bin/env python3
"""`referat serve` in a real browser (Debian's Chromium, headless, driven by
chromium-driver through python3-selenium; nothing is downloaded).

Ingests the real corpus (../shared/corpus/real) and the PDF of an Aalborg
seed, starts `referat serve` on a free port, then as a user would: searches
for an inflected Danish word, applies a filter, opens an item, follows the
decision's evidence link and checks that the page image appears with a
highlight box over each of the decision's words. Also: `../`, absolute paths
and script injection are refused or escaped. Screenshots go to OUT_DIR (the
build folder; CI keeps them as artifacts).

Usage: browser_test.py REFERAT SOURCE_DIR OUT_DIR
Exit 77 (ctest SKIP) when Chromium, chromium-driver or selenium is missing.
"""
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

SKIP = 77


def skip(why):
    print("SKIP: " + why)
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.common.exceptions import (NoAlertPresentException, StaleElementReferenceException,
                                            WebDriverException)
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    skip("python3-selenium is not installed (tools/bootstrap installs it)")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not os.path.exists(CHROMIUM) or not os.path.exists(DRIVER):
    skip("chromium or chromium-driver is not installed (tools/bootstrap installs them)")

referat, source_dir, out_dir = sys.argv[1:4]
os.makedirs(out_dir, exist_ok=True)
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)
    return cond


def raw_get(port, path):
    """A request with the path exactly as given (a browser would resolve ../)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.putrequest("GET", path, skip_accept_encoding=True)
    c.endheaders()
    r = c.getresponse()
    body = r.read().decode("utf-8", "replace")
    c.close()
    return r.status, body


work = tempfile.mkdtemp(prefix="referat_browser_")
server = None
driver = None
try:
    db = os.path.join(work, "archive.db")
    inputs = [os.path.join(source_dir, "corpus", "formats", "001_915c6acca0debb9d.pdf")]
    real = os.path.join(os.path.dirname(source_dir), "shared", "corpus", "real")
    if os.path.isdir(real):
        inputs.append(real)
    t0 = time.time()
    ing = subprocess.run([referat, "ingest", *inputs, "--db", db, "--quiet", "--jobs", "2"],
                         capture_output=True, text=True, timeout=600)
    print("ingest: %.1f s, exit %d" % (time.time() - t0, ing.returncode), flush=True)
    # Damaged and scanned files in the real corpus fail by design (exit 1).
    if ing.returncode not in (0, 1):
        print(ing.stderr)
        sys.exit(1)

    server = subprocess.Popen([referat, "serve", "--db", db, "--port", "0",
                               "--cache-dir", os.path.join(work, "cache")],
                              stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    check(line.startswith("referat serve: http://127.0.0.1:"), "serve prints its URL: " + line.strip())
    base = line.split()[2]
    port = urllib.parse.urlparse(base).port

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--window-size=1200,1600", "--lang=da"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(120)
    wait = WebDriverWait(driver, 60)
    # Reads retried while a page is being replaced: an element found in the
    # old document can be gone before its text is read ("stale element",
    # "Node with given id does not belong to the document").
    settle = WebDriverWait(driver, 60, ignored_exceptions=(StaleElementReferenceException, WebDriverException))

    def read(fn):
        return settle.until(lambda d: fn(d))

    def total_hits():
        return read(lambda d: int(d.find_element(By.ID, "total").text.split()[0]))

    def texts(css):
        return read(lambda d: ([e.text for e in d.find_elements(By.CSS_SELECTOR, css)],))[0]

    def submit(button, how=lambda b: b.click()):
        """Click a form's button and wait until the next page has replaced this one."""
        old = driver.find_element(By.TAG_NAME, "html")
        how(button)
        wait.until(EC.staleness_of(old))
        wait.until(lambda d: d.execute_script("return document.readyState") == "complete")

    # 1. Search for an inflected word: "kommunerne" (stemmed: finds kommune, kommunens ...).
    driver.get(base)
    box = driver.find_element(By.NAME, "q")
    box.send_keys("kommunerne")
    submit(box, lambda b: b.submit())
    wait.until(lambda d: d.find_elements(By.ID, "total"))
    total = total_hits()
    check(total > 0, "search 'kommunerne' finds %d hits" % total)
    marks = texts("ol.hits mark")
    check(any(m.lower() != "kommunerne" for m in marks),
          "the stemmed search marks other forms: %s" % sorted(set(marks))[:6])
    check("q=kommunerne" in driver.current_url, "the URL holds the query")
    driver.save_screenshot(os.path.join(out_dir, "1-search.png"))

    # 2. Filters: decisions "Godkendt" (approved), then also one committee
    # (Aalborg's Beskæftigelsesudvalget, whose minutes are a PDF).
    Select(driver.find_element(By.NAME, "decision")).select_by_value("approved")
    submit(driver.find_element(By.CSS_SELECTOR, "form.search button"))
    wait.until(lambda d: "decision=approved" in d.current_url)
    filtered = total_hits()
    check(0 < filtered <= total, "filter decision=approved: %d of %d" % (filtered, total))
    cats = set(texts("ol.hits .cat"))
    check(cats == {"Godkendt"}, "every hit is approved: %s" % cats)
    driver.find_element(By.NAME, "body").send_keys("Beskæftigelsesudvalget")
    submit(driver.find_element(By.CSS_SELECTOR, "form.search button"))
    wait.until(lambda d: "body=" in d.current_url)
    narrowed = total_hits()
    check(0 < narrowed <= filtered, "filter body=Beskæftigelsesudvalget: %d of %d" % (narrowed, filtered))
    metas = texts("ol.hits .meta")
    check(all("Beskæftigelsesudvalget" in m for m in metas), "every hit is from that committee")
    driver.save_screenshot(os.path.join(out_dir, "2-filtered.png"))

    # 3. Open items until one is from a PDF (the evidence is a page image).
    links = read(lambda d: ([a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "ol.hits a.title")],))[0]
    found = False
    for href in links:
        driver.get(href)
        ev = driver.find_elements(By.CSS_SELECTOR, "a.ev.decision")
        if not ev or "side" not in ev[0].text:
            continue
        found = True
        decision = driver.find_element(By.ID, "decision").text
        check(bool(decision), "the item shows its decision verbatim: " + decision[:60])
        driver.save_screenshot(os.path.join(out_dir, "3-item.png"))
        # 4. Follow the evidence link.
        ev[0].click()
        wait.until(lambda d: d.find_elements(By.ID, "page"))
        wait.until(lambda d: d.execute_script(
            "const i = document.getElementById('page'); return i.complete && i.naturalWidth > 0;"))
        img = driver.find_element(By.ID, "page")
        boxes = driver.find_elements(By.CSS_SELECTOR, "#pagebox .hl")
        quote = driver.find_element(By.ID, "quote").text
        check(len(boxes) == len(quote.split()),
              "one highlight box per word of the decision: %d boxes, %d words" % (len(boxes), len(quote.split())))
        r = img.rect
        inside = all(b.rect["width"] > 0 and b.rect["x"] >= r["x"] - 1 and b.rect["y"] >= r["y"] - 1
                     and b.rect["x"] + b.rect["width"] <= r["x"] + r["width"] + 1
                     and b.rect["y"] + b.rect["height"] <= r["y"] + r["height"] + 1 for b in boxes)
        check(inside, "the boxes lie on the page image")
        # The boxes are where the decision's words are: the JSON variant names the words.
        ev_json = driver.current_url.replace("?", ".json?", 1)
        data = json.loads(raw_get(port, urllib.parse.urlparse(ev_json)._replace(scheme="", netloc="").geturl())[1])
        check(" ".join(b["word"] for b in data["boxes"]).split() == quote.split(),
              "the boxed words spell the decision")
        if boxes:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", boxes[0])
        driver.save_screenshot(os.path.join(out_dir, "4-evidence.png"))
        break
    check(found, "an approved item from a PDF was found among %d hits" % len(links))

    # 5. Hostile input: paths outside the store, script injection.
    for path in ("/../../../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/etc/passwd",
                 "/page/1/../../../etc/passwd", "//etc/passwd"):
        status, body = raw_get(port, path)
        check(status in (400, 404) and "root:" not in body, "refused %s (%d)" % (path, status))
    payload = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
    driver.get(base + "?body=" + urllib.parse.quote(payload) + "&q=" + urllib.parse.quote(payload))
    try:
        driver.switch_to.alert
        check(False, "no script runs from the query")
    except NoAlertPresentException:
        check(True, "no script runs from the query")
    src = driver.page_source
    check("<script>alert" not in src and "<img src=\"x\"" not in src, "the query is escaped in the page")
    driver.save_screenshot(os.path.join(out_dir, "5-injection.png"))
finally:
    if driver:
        driver.quit()
    if server:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    shutil.rmtree(work, ignore_errors=True)

print("screenshots in " + out_dir)
if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
