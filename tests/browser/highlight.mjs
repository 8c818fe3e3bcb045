// Opens the chorus event list in headless Chromium, follows the first event, clicks a
// citation in the digest and checks that the cited sentence in the source article is the
// highlighted :target, visible on screen. Then checks a phone-sized viewport has no
// sideways scrolling. Usage: node highlight.mjs BASE_URL [SCREENSHOT_DIR]
import { chromium } from 'playwright-core';

const [base, shots] = process.argv.slice(2);
const failures = [];
let passed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failures.push(`${name}${detail ? ': ' + detail : ''}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(base + '/');
  check('list page title', (await page.title()).includes('events'));
  const first = page.locator('ol.events a').first();
  const headline = (await first.innerText()).trim();
  check('list shows an event', headline.length > 0);
  await first.click();
  await page.waitForSelector('#digest');
  check('event page opened', /\/events\/\d+$/.test(page.url()), page.url());

  // A citation of the second digest sentence (the first may sit at the top already).
  const cite = page.locator('#digest li').nth(1).locator('a.cite').first();
  const href = await cite.getAttribute('href');
  check('citation links to a sentence anchor', /^#a\d+-s\d+$/.test(href || ''), href);
  const before = await page.locator(href).evaluate((el) => getComputedStyle(el).backgroundColor);
  check('sentence not highlighted before the click', before === 'rgba(0, 0, 0, 0)', before);
  await cite.click();
  await page.waitForFunction((h) => location.hash === h, href);
  const target = page.locator(href);
  const style = await target.evaluate((el) => ({
    background: getComputedStyle(el).backgroundColor,
    isTarget: el.matches(':target'),
    text: el.textContent,
  }));
  check('the cited sentence is the :target', style.isTarget);
  check('the cited sentence is highlighted', style.background === 'rgb(255, 229, 138)', style.background);
  check('the cited sentence has text', style.text.trim().split(/\s+/).length >= 4, style.text);
  const box = await target.boundingBox();
  check('the cited sentence is scrolled into view', box && box.y >= 0 && box.y < 800, JSON.stringify(box));
  // Only that sentence is highlighted.
  const highlighted = await page.locator('.s').evaluateAll(
    (els) => els.filter((el) => getComputedStyle(el).backgroundColor === 'rgb(255, 229, 138)').length);
  check('exactly one sentence highlighted', highlighted === 1, String(highlighted));
  // The digest sentence and the cited one share words (a citation is a paraphrase or the sentence itself).
  const digest = (await page.locator('#digest li').nth(1).innerText()).toLowerCase();
  const shared = style.text.toLowerCase().split(/\W+/).filter((w) => w.length > 4 && digest.includes(w));
  check('the cited sentence says what the digest says', shared.length >= 2, shared.join(','));
  if (shots) await page.screenshot({ path: `${shots}/event-page.png` });

  // Readable on a phone: nothing wider than the screen.
  const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await phone.goto(page.url());
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('no sideways scrolling on a 375px screen', overflow <= 0, `${overflow}px`);
  if (shots) await phone.screenshot({ path: `${shots}/event-phone.png`, fullPage: false });
} finally {
  await browser.close();
}
for (const f of failures) console.log('FAIL: ' + f);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
