// End-to-end test of the web app against a real `dreamfeed serve` (fresh database,
// loopback only) driven through Debian's chromium.
// Screenshots (390×844 and 1280×800) go to test-artifacts/web/.
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { repoRoot, startServer } from './server.mjs';
import { Steps, expect } from './steps.mjs';

const artifacts = join(repoRoot, 'test-artifacts/web');
const steps = new Steps(artifacts);
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const PASSWORD = 'a long enough password';

let server = await startServer();
console.log(`dreamfeed at ${server.url}, data in ${server.dataDir}`);

const browser = await launchBrowser();
const ada = await browser.newContext({ viewport: PHONE, baseURL: server.url });
await ada.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
const page = await ada.newPage();
page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
const current = () => page;
const shot = async (name, p = page) => {
  for (const [label, size] of [['390x844', PHONE], ['1280x800', DESKTOP]]) {
    await p.setViewportSize(size);
    await p.waitForTimeout(150);
    await p.screenshot({ path: join(artifacts, `${name}-${label}.png`) });
  }
  await p.setViewportSize(PHONE);
};

/** Fills and submits the Create form, waits for the draft, returns the highest progress seen. */
async function generate(p, prompt) {
  await p.fill('#prompt', prompt);
  await p.check('input[name=seconds][value="4"]');
  await p.check('input[name=resolution][value="480p"]');
  await p.evaluate(() => {
    window.__maxProgress = 0;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[data-testid=job-progress] progress')) {
        window.__maxProgress = Math.max(window.__maxProgress, Number(bar.getAttribute('value')));
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await p.click('button[type=submit]:has-text("Generate")');
  await p.waitForSelector('[data-testid=job-progress]', { timeout: 10000 });
  await p.waitForSelector('section.draft video', { timeout: 120000 });
  return p.evaluate(() => window.__maxProgress);
}

async function videoAdvances(p, selector) {
  await p.waitForFunction((s) => document.querySelector(s)?.readyState >= 2, selector, { timeout: 15000 });
  const start = await p.$eval(selector, (v) => v.currentTime);
  await p.waitForFunction(
    ([s, t]) => {
      const v = document.querySelector(s);
      return v && !v.paused && v.currentTime > t + 0.5;
    },
    [selector, start],
    { timeout: 10000 },
  );
}

let videoId = '';

await steps.run('logged-out visitor sees the For You feed (empty)', async () => {
  await page.goto('/');
  await page.waitForSelector('text=No clips yet');
  await shot('01-empty-feed');
}, { page: current });

await steps.run('installable: manifest, icons, theme colour; deep links load', async () => {
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    return (await fetch(link.href)).json();
  });
  expect(manifest.display === 'standalone' && manifest.theme_color, 'manifest incomplete');
  for (const icon of manifest.icons) {
    const response = await page.request.get(icon.src);
    expect(response.ok(), `icon ${icon.src} missing`);
  }
  expect(await page.$eval('meta[name=theme-color]', (m) => m.content), 'no theme colour');
  await page.goto('/@nobody');
  await page.waitForSelector('[role=alert]:has-text("There is no @nobody")');
  await page.goto('/v/does-not-exist');
  await page.waitForSelector('[role=alert]:has-text("does not exist")');
}, { page: current });

await steps.run('wrong password shows the error in words', async () => {
  await page.goto('/login');
  await page.fill('input[name=handle]', 'nobody');
  await page.fill('input[name=password]', 'wrong password');
  await page.click('form button[type=submit]');
  await page.waitForSelector('[role=alert]:has-text("Handle or password is wrong")');
  expect((await page.inputValue('input[name=handle]')) === 'nobody', 'the typed handle was lost');
  await shot('02-wrong-password');
}, { page: current });

await steps.run('sign up', async () => {
  await page.goto('/login?next=/create');
  await page.click('[role=tab]:has-text("Sign up")');
  await page.fill('input[name=handle]', 'ada');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('form button[type=submit]');
  await page.waitForURL('**/create');
}, { page: current });

await steps.run('empty prompt shows "Prompt is empty"', async () => {
  await page.click('button[type=submit]:has-text("Generate")');
  await page.waitForSelector('[role=alert]:has-text("Prompt is empty")');
}, { page: current });

await steps.run('create a clip: progress reaches 100% and the draft plays', async () => {
  const max = await generate(page, 'a red fox jumps over a fence at sunset');
  expect(max === 100, `progress peaked at ${max}%`);
  await videoAdvances(page, 'section.draft video');
  await shot('03-draft');
}, { page: current });

await steps.run('publish the draft', async () => {
  await page.click('section.draft button:has-text("Publish")');
  await page.waitForURL('**/v/*');
  videoId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  expect(videoId, 'no video id in the address');
  await page.waitForSelector('text=What the generator understood');
  await page.click('summary:has-text("What the generator understood")');
  await shot('04-video-page');
}, { page: current });

// The feed's own steps are a follower's: the ranked For You feed leaves out your own
// clips and the ones you have seen, so the creator's For You and a signed-in viewer's
// second visit have nothing to replay. The Following feed is newest first, unfiltered.
const fan = await browser.newContext({ viewport: PHONE, baseURL: server.url });
await fan.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
const fanPage = await fan.newPage();
fanPage.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
const fans = () => fanPage;

await steps.run('a follower sees the clip in their feed and it plays (H.264 in chromium)', async () => {
  await fanPage.goto('/login?next=/@ada');
  await fanPage.click('[role=tab]:has-text("Sign up")');
  await fanPage.fill('input[name=handle]', 'fan');
  await fanPage.fill('input[name=password]', PASSWORD);
  await fanPage.click('form button[type=submit]');
  await fanPage.waitForURL('**/@ada');
  await fanPage.click('[data-testid=follow-button]');
  await fanPage.waitForSelector('[data-testid=follow-button][aria-pressed=true]');
  await fanPage.goto('/following');
  await fanPage.waitForSelector('.feed-slide video');
  await videoAdvances(fanPage, '.feed-slide[data-index="0"] video');
  await shot('05-feed', fanPage);
}, { page: fans });

await steps.run('like it from the feed', async () => {
  await fanPage.click('.feed-slide[data-index="0"] [data-testid=like]');
  await fanPage.waitForSelector('.feed-slide[data-index="0"] [data-testid=like][aria-pressed=true]');
  await fanPage.waitForFunction(() => document.querySelector('[data-testid=like-count]')?.textContent === '1');
  await fanPage.reload();
  await fanPage.waitForSelector('.feed-slide[data-index="0"] [data-testid=like][aria-pressed=true]');
}, { page: fans });

await steps.run('share copies the link', async () => {
  await fanPage.goto('/following');
  await fanPage.click('.feed-slide[data-index="0"] button[aria-label^="Share"]');
  await fanPage.waitForSelector('.toast:has-text("Link copied")');
  const copied = await fanPage.evaluate(() => navigator.clipboard.readText());
  expect(copied.endsWith(`/v/${videoId}`), `copied ${copied}`);
}, { page: fans });

await steps.run('comment on it', async () => {
  await page.goto(`/v/${videoId}`);
  await page.fill('#comment-text', 'What a jump!');
  await page.click('.comment-form button[type=submit]');
  await page.waitForSelector('.comment:has-text("What a jump!")');
  await page.reload();
  await page.waitForSelector('.comment:has-text("What a jump!")');
  expect((await page.inputValue('#comment-text')) === '', 'the comment box kept the posted text');
}, { page: current });

await steps.run('remix it: Create opens with the prompt, the remix is published', async () => {
  await page.goto(`/v/${videoId}`);
  await page.click('.video-stage [data-testid=remix]');
  await page.waitForURL('**/create?remix_of=*');
  expect((await page.inputValue('#prompt')).includes('red fox'), 'the prompt was not carried over');
  await generate(page, 'a red fox jumps over a fence at night');
  await page.click('section.draft button:has-text("Publish")');
  await page.waitForURL('**/v/*');
  await page.waitForSelector('.remix-source');
}, { page: current });

await steps.run('keyboard: J moves to the next clip, which plays; M unmutes', async () => {
  await fanPage.goto('/following');
  await fanPage.waitForSelector('.feed-slide[data-index="1"] video');
  await videoAdvances(fanPage, '.feed-slide[data-index="0"] video');
  await fanPage.keyboard.press('j');
  await videoAdvances(fanPage, '.feed-slide[data-index="1"] video');
  expect(await fanPage.$eval('.feed-slide[data-index="0"] video', (v) => v.paused), 'the previous clip kept playing');
  await fanPage.keyboard.press('m');
  expect(!(await fanPage.$eval('.feed-slide[data-index="1"] video', (v) => v.muted)), 'M did not unmute');
  await fanPage.reload();
  await fanPage.waitForSelector('.feed-slide video');
  expect(await fanPage.evaluate(() => localStorage.getItem('dreamfeed.muted')) === 'false', 'the sound choice was not remembered');
  await fanPage.keyboard.press('m');
}, { page: fans });

await steps.run('edit own profile: name, bio and avatar', async () => {
  await page.goto('/@ada');
  await page.click('button:has-text("Edit profile")');
  await page.fill('input[name=display_name]', 'Ada L.');
  await page.fill('textarea[name=bio]', 'I make foxes jump.');
  await page.setInputFiles('input[name=avatar]', join(repoRoot, 'web/public/icon-192.png'));
  await page.click('form[aria-label="Edit profile"] button[type=submit]');
  await page.waitForSelector('h1:has-text("Ada L.")');
  await page.waitForSelector('.bio:has-text("I make foxes jump.")');
  await page.waitForSelector('.profile-header img.avatar');
  await page.reload();
  await page.waitForSelector('h1:has-text("Ada L.")');
}, { page: current });

await steps.run('expired session: log in again and come back with the typed prompt', async () => {
  await page.goto('/create');
  await page.fill('#prompt', 'a lighthouse in a storm');
  await ada.clearCookies();
  await page.click('button[type=submit]:has-text("Generate")');
  await page.waitForURL('**/login?next=*');
  await page.fill('input[name=handle]', 'ada');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('form button[type=submit]');
  await page.waitForURL('**/create');
  expect((await page.inputValue('#prompt')) === 'a lighthouse in a storm', 'the typed prompt was lost');
  await page.fill('#prompt', '');
}, { page: current });

await steps.run('log out and log in', async () => {
  await page.goto('/drafts');
  await page.click('button:has-text("Log out")');
  await page.waitForURL(server.url + '/');
  await page.waitForSelector('.bottom-nav a:has-text("Log in")');
  await page.click('.bottom-nav a:has-text("Log in")');
  await page.fill('input[name=handle]', 'ada');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('form button[type=submit]');
  await page.waitForSelector('.bottom-nav a:has-text("Profile")');
}, { page: current });

const bob = await browser.newContext({ viewport: PHONE, baseURL: server.url });
const bobPage = await bob.newPage();
const bobs = () => bobPage;

await steps.run('logged-out visitor sees the clips in For You, opens a shared link; liking asks to log in', async () => {
  await bobPage.goto('/');
  await bobPage.waitForSelector('.feed-slide[data-index="1"] video');
  await bobPage.goto(`/v/${videoId}`);
  await bobPage.waitForSelector('.video-stage video');
  await bobPage.click('.video-stage [data-testid=like]');
  await bobPage.waitForURL('**/login?next=*');
}, { page: bobs });

await steps.run('a second person follows the creator and sees the clip in Following', async () => {
  await bobPage.click('[role=tab]:has-text("Sign up")');
  await bobPage.fill('input[name=handle]', 'bob');
  await bobPage.fill('input[name=password]', PASSWORD);
  await bobPage.click('form button[type=submit]');
  await bobPage.waitForURL(`**/v/${videoId}`);
  await bobPage.goto('/@ada');
  await bobPage.click('[data-testid=follow-button]');
  await bobPage.waitForSelector('[data-testid=follow-button][aria-pressed=true]:has-text("Following")');
  await bobPage.waitForFunction(() => document.querySelector('[data-testid=followers-count]')?.textContent === '2');
  await shot('06-profile', bobPage);
  await bobPage.goto('/following');
  await bobPage.waitForSelector('.feed-slide video');
  await videoAdvances(bobPage, '.feed-slide[data-index="0"] video');
  await shot('07-following', bobPage);
}, { page: bobs });

// The ranked For You feed (issue 5), seen by a third person who has watched nothing
// yet (the ranking leaves out your own clips and the ones you have already seen).
// Cy's phone is at UTC+05:30, so the daily limit must count her own day.
const cy = await browser.newContext({ viewport: PHONE, baseURL: server.url, timezoneId: 'Asia/Kolkata' });
const cyPage = await cy.newPage();
cyPage.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
const cys = () => cyPage;
/** Every POST /events the app sends, with the server's reply. */
const cyEventReplies = [];
cyPage.on('response', async (r) => {
  if (!r.url().endsWith('/api/v1/events') || r.request().method() !== 'POST') return;
  const body = await r.json().catch(() => null);
  cyEventReplies.push({ sent: r.request().postDataJSON()?.events ?? [], status: r.status(), body });
});

/** Sends events from the page with the session's CSRF token; returns the server's reply. */
const postEvents = (p, events) =>
  p.evaluate(async (events) => {
    const me = await (await fetch('/api/v1/me')).json();
    const response = await fetch('/api/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ events: events.map((e) => ({ id: crypto.randomUUID(), at: Date.now(), ...e })) }),
    });
    return response.json();
  }, events);

await steps.run('signed-in For You feed says why each clip is there', async () => {
  await cyPage.goto('/login?next=/');
  await cyPage.click('[role=tab]:has-text("Sign up")');
  await cyPage.fill('input[name=handle]', 'cyrus');
  await cyPage.fill('input[name=password]', PASSWORD);
  await cyPage.click('form button[type=submit]');
  await cyPage.waitForURL(server.url + '/');
  const reason = await cyPage.waitForSelector('.feed-slide[data-index="0"] [data-testid=reason]');
  const text = (await reason.textContent()).replace('Why this clip:', '').trim();
  expect(text.length > 0, 'the reason line is empty');
  console.log(`  reason: ${text}`);
  await shot('09-ranked-feed', cyPage);
}, { page: cys });

await steps.run('watching and moving on, "Not interested" and "Hide this creator" send events the server accepts', async () => {
  await cyPage.waitForSelector('.feed-slide[data-index="1"] video');
  await videoAdvances(cyPage, '.feed-slide[data-index="0"] video');
  await cyPage.keyboard.press('j');
  await videoAdvances(cyPage, '.feed-slide[data-index="1"] video');
  await cyPage.click('.feed-slide[data-index="1"] [data-testid=clip-menu]');
  await shot('12-clip-menu', cyPage);
  await cyPage.click('.feed-slide[data-index="1"] button:has-text("Not interested")');
  await cyPage.waitForSelector('.toast:has-text("Not interested")');
  expect((await cyPage.$$('.feed-slide video')).length === 1, 'the clip stayed in the feed');
  await cyPage.click('.feed-slide[data-index="0"] [data-testid=clip-menu]');
  await cyPage.click('.feed-slide[data-index="0"] button:has-text("Hide this creator")');
  await cyPage.waitForSelector('.toast:has-text("no longer see clips by @ada")');
  await cyPage.waitForSelector('text=You are all caught up');
  // Sent within a few seconds; the server's replies say what it kept.
  const sent = () => cyEventReplies.flatMap((r) => r.sent);
  const deadline = Date.now() + 15000;
  while (!sent().some((e) => e.type === 'hide_creator') && Date.now() < deadline) await cyPage.waitForTimeout(250);
  const types = sent().map((e) => e.type);
  for (const type of ['impression', 'watch', 'not_interested', 'hide_creator']) {
    expect(types.includes(type), `sent only ${types.join(', ')}`);
  }
  const watch = sent().find((e) => e.type === 'watch');
  expect(watch.watched_ms >= 400 && watch.duration_ms >= 3000, `watch event ${JSON.stringify(watch)}`);
  for (const reply of cyEventReplies) {
    expect(reply.status === 200 && reply.body.accepted > 0, `events reply ${reply.status}: ${JSON.stringify(reply.body)}`);
    expect(reply.body.rejected.length === 0, `rejected: ${JSON.stringify(reply.body.rejected)}`);
  }
}, { page: cys });

await steps.run('steering: saved, shown with what was understood after a reload, then cleared', async () => {
  await cyPage.goto('/@cyrus');
  await cyPage.click('a:has-text("Your feed")');
  await cyPage.waitForURL('**/settings/feed');
  const box = 'textarea[name=steering]';
  await cyPage.waitForSelector('[data-testid=watched-today]');
  await cyPage.fill(box, 'more animals and space, less cars');
  await cyPage.click('form[aria-labelledby=steering-title] button[type=submit]');
  await cyPage.waitForSelector('[data-testid=steering-understood]');
  await cyPage.reload();
  await cyPage.waitForSelector('[data-testid=steering-understood]');
  expect((await cyPage.inputValue(box)) === 'more animals and space, less cars', 'the steering text was not kept');
  const understood = await cyPage.textContent('[data-testid=steering-understood]');
  expect(/animal/.test(understood), `understood: ${understood}`);
  await shot('10-feed-settings', cyPage);
  await cyPage.click('button:has-text("Clear")');
  await cyPage.waitForSelector('text=Cleared.');
  await cyPage.reload();
  await cyPage.waitForSelector('[data-testid=watched-today]');
  expect((await cyPage.inputValue(box)) === '', 'the cleared steering came back');
}, { page: cys });

await steps.run('a 1-minute daily limit: saved, and once watched the feed ends with the message', async () => {
  await cyPage.fill('input[name=daily_limit_minutes]', '1');
  await cyPage.click('button:has-text("Save limit")');
  await cyPage.waitForSelector('[data-testid=watched-today]:has-text("of 1")');
  await cyPage.reload();
  await cyPage.waitForSelector('[data-testid=watched-today]:has-text("of 1")');
  expect((await cyPage.inputValue('input[name=daily_limit_minutes]')) === '1', 'the limit was not kept');
  const wellbeing = await cyPage.evaluate(async () => (await fetch('/api/v1/me/wellbeing')).json());
  expect(wellbeing.utc_offset_minutes === 330, `the phone's clock was not sent: ${JSON.stringify(wellbeing)}`);
  // A minute of real watching is too slow for this test: report it as one watch event.
  const reply = await postEvents(cyPage, [
    { type: 'watch', video_id: videoId, watched_ms: 61000, duration_ms: 4000, completed: true, loops: 15 },
  ]);
  expect(reply.accepted === 1, `watch not accepted: ${JSON.stringify(reply)}`);
  await cyPage.goto('/');
  await cyPage.waitForSelector('[data-testid=feed-end]');
  console.log(`  message: ${await cyPage.textContent('[data-testid=feed-end] p')}`);
  await shot('11-daily-limit', cyPage);
  await cyPage.goto('/settings/feed');
  await cyPage.waitForSelector('[data-testid=watched-today]:has-text("of 1")');
  await cyPage.fill('input[name=daily_limit_minutes]', '0');
  await cyPage.click('button:has-text("Save limit")');
  await cyPage.waitForSelector('text=No daily limit.');
}, { page: cys });

await steps.run('server down: a banner with Retry, then recovery', async () => {
  await page.goto('/');
  await page.waitForSelector('.feed-tabs');
  const { port, dataDir } = server;
  await server.stop();
  await page.click('.bottom-nav a:has-text("Drafts")');
  await page.waitForSelector('[data-testid=offline-banner]');
  expect(await page.isVisible('.bottom-nav'), 'the app went blank');
  await shot('08-offline');
  server = await startServer({ port, dataDir });
  await page.click('[data-testid=offline-banner] button:has-text("Retry")');
  await page.waitForSelector('[data-testid=offline-banner]', { state: 'detached' });
  await page.waitForSelector('.clip-grid, p:has-text("No drafts")');
}, { page: current });

await browser.close();
await server.stop();
server.removeData();
process.exit(steps.summary() ? 0 : 1);
