// Speech mode: a blind visitor uses the kiosk alone. After the first load these tests act
// only as such a visitor can: touches at positions (the speech button's corner, marked
// by a tactile sticker, and wherever they explore), swipes, double taps and keys. What
// they learn of the screen they learn by listening: every `speechSynthesis.speak` call
// is recorded (and still made). Page state is read only to check the outcome.
import { test, expect } from "./fixtures";
import { expectNoAxeViolations, expectLargeTapTargets, shoot, useKioskOf } from "./helpers";
import type { Page } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";

type Said = { text: string; lang: string; volume: number };

/** A language's strings, with the demo agency's name in place. */
function strings(lang: string) {
  const file = fs.readFileSync(path.join(__dirname, "..", "..", "app", "locales", `${lang}.json`), "utf8");
  return JSON.parse(file.replaceAll("{agency}", "WorkSource"));
}

/** A tablet with an English and a Spanish voice, whose speech the test hears. */
async function listeningTablet(page: Page) {
  await page.addInitScript(() => {
    speechSynthesis.getVoices = () =>
      ["en-US", "es-MX"].map((lang) => ({ lang, name: `voice ${lang}` }) as unknown as SpeechSynthesisVoice);
    const said: Said[] = [];
    (window as any).__said = said;
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      said.push({ text: u.text, lang: u.lang, volume: u.volume });
      speak(u);
    };
  });
}

async function everythingSaid(page: Page): Promise<Said[]> {
  return page.evaluate(() => (window as any).__said ?? []);
}

async function lastSaid(page: Page): Promise<string> {
  return (await everythingSaid(page)).at(-1)?.text ?? "";
}

/** Waits until something said since the page loaded matches `pattern`. */
async function hears(page: Page, pattern: RegExp) {
  await expect.poll(async () => (await everythingSaid(page)).map((s) => s.text).join("\n")).toMatch(pattern);
}

/** Waits for the speech island of a freshly loaded page. */
async function loaded(page: Page) {
  await expect(page.locator('.speech[data-ready="true"]')).toBeAttached();
}

/** The speech button's corner: top left, or top right on a right-to-left screen. */
const SPEECH_CORNER = { x: 90, y: 40 };
/** A spot for double taps: a double tap anywhere chooses what was heard last. */
const ANYWHERE = { x: 1200, y: 760 };

async function doubleTap(page: Page) {
  await page.touchscreen.tap(ANYWHERE.x, ANYWHERE.y);
  await page.touchscreen.tap(ANYWHERE.x, ANYWHERE.y);
}

/** A one-finger swipe across the middle of the screen (right: the next item). */
async function swipe(page: Page, direction: "right" | "left") {
  const cdp = await page.context().newCDPSession(page);
  const y = 420;
  const [from, to] = direction === "right" ? [440, 840] : [840, 440];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from, y }] });
  for (let i = 1; i <= 6; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: from + ((to - from) * i) / 6, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** Moves (by swipes, or by `key`) from item to item until one says `pattern`. */
async function moveUntil(page: Page, pattern: RegExp, move: () => Promise<void>) {
  for (let i = 0; i < 60; i++) {
    const before = (await everythingSaid(page)).length;
    await move();
    await expect.poll(async () => (await everythingSaid(page)).length).toBeGreaterThan(before);
    if (pattern.test(await lastSaid(page))) return;
  }
  throw new Error(`never heard ${pattern}; last heard: ${await lastSaid(page)}`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const startsWith = (s: string) => new RegExp(`^${escape(s)}`);

/** Touches points down two columns of the screen, one at a time, and notes what each says. */
async function explore(page: Page): Promise<{ x: number; y: number; text: string }[]> {
  const heard = [];
  for (const x of [330, 950]) {
    for (let y = 230; y <= 740; y += 45) {
      const before = (await everythingSaid(page)).length;
      await page.touchscreen.tap(x, y);
      await page.waitForTimeout(500); // past the double-tap window
      const now = await everythingSaid(page);
      if (now.length > before) heard.push({ x, y, text: now.at(-1)!.text });
    }
  }
  return heard;
}

// In English the visitor wears headphones; in Spanish they keep what they type private.
for (const [lang, headphones] of [["en", true], ["es", false]] as const) {
  test(`a blind visitor checks in by touch and hears the ticket, in ${lang}`, async ({ page }, testInfo) => {
    const t = strings(lang);
    const s = t.kiosk_speech;
    const k = t.kiosk;
    await listeningTablet(page);
    await page.goto(`/kiosk/tigard?lang=${lang}`);
    await loaded(page);

    // A first touch anywhere (here the footer's text) says how to start speech; the button
    // in the corner starts it, and it asks about headphones.
    await page.touchscreen.tap(200, 790);
    await hears(page, new RegExp(escape(s.hint)));
    await page.touchscreen.tap(SPEECH_CORNER.x, SPEECH_CORNER.y);
    await hears(page, new RegExp(escape(s.on)));
    await hears(page, new RegExp(escape(s.listening_question)));
    await expectNoAxeViolations(page, `speech mode asking about headphones (${lang})`);
    const listening = headphones ? s.listening_headphones : s.listening_speaker;
    await moveUntil(page, startsWith(listening), () => swipe(page, "right"));
    await doubleTap(page);
    await hears(page, new RegExp(`${escape(t.kiosk_frame.welcome_heading)}.*${escape(s.choices.replace("{count}", "3"))}`));

    await moveUntil(page, startsWith(t.kiosk_frame.check_in), () => swipe(page, "right"));
    await doubleTap(page);
    await page.waitForURL(/\/check-in/);
    await loaded(page);
    await hears(page, new RegExp(`${escape(k.first_name_question)}.*${escape(k.first_name_label)}, ${escape(s.text_box)}, ${escape(s.empty)}`));

    // Names: the text box takes the typing once chosen; Enter goes on.
    await moveUntil(page, new RegExp(escape(s.text_box)), () => swipe(page, "right"));
    await doubleTap(page);
    await page.keyboard.type("Rosa");
    // Each letter is said through headphones; on the loudspeaker only how many there are.
    await hears(page, headphones ? /^a$/m : new RegExp(escape(s.typed_private.replace("{count}", "4"))));
    await page.keyboard.press("Enter");
    await hears(page, new RegExp(escape(k.last_name_question)));
    await moveUntil(page, new RegExp(escape(s.text_box)), () => swipe(page, "right"));
    await doubleTap(page);
    await page.keyboard.type("M");
    await page.keyboard.press("Enter");
    await hears(page, new RegExp(`${escape(k.reasons_question)}.*${escape(s.choices.split("{count}")[0])}\\d+`));

    // Exploring the reasons by touch says each one and chooses none.
    const heard = await explore(page);
    const reasons = heard.filter((h) => h.text.endsWith(`, ${s.button_role}, ${s.not_selected}`));
    expect(new Set(reasons.map((r) => r.text)).size, `reasons heard: ${heard.map((h) => h.text).join(" | ")}`).toBeGreaterThanOrEqual(4);
    await expect(page.locator('.choice[aria-pressed="true"]')).toHaveCount(0);
    await shoot(page, testInfo, `kiosk-20-speech-reasons-${lang}`);

    // Touch one, then double tap: that one is chosen, and says so.
    const pick = reasons[1];
    await page.touchscreen.tap(pick.x, pick.y);
    await page.waitForTimeout(500);
    await doubleTap(page);
    const chosenName = pick.text.split(`, ${s.button_role}`)[0];
    await hears(page, new RegExp(`${escape(chosenName)}, ${escape(s.button_role)}, ${escape(s.selected)}$`, "m"));
    await expect(page.locator('.choice[aria-pressed="true"]')).toHaveCount(1);
    await expect(page.locator('.choice[aria-pressed="true"]')).toContainText(chosenName);

    await moveUntil(page, startsWith(`${k.next}, ${s.button_role}`), () => swipe(page, "right"));
    await doubleTap(page);
    await hears(page, new RegExp(escape(k.registered_question)));
    await moveUntil(page, startsWith(`${k.registered_yes}, ${s.button_role}`), () => swipe(page, "right"));
    await doubleTap(page);
    await hears(page, new RegExp(escape(k.accommodations_question)));
    await moveUntil(page, startsWith(`${k.next}, ${s.button_role}`), () => swipe(page, "right"));
    await doubleTap(page);
    await hears(page, new RegExp(escape(k.privacy_heading)));
    await moveUntil(page, startsWith(k.consent_button), () => swipe(page, "right"));
    await doubleTap(page);

    // The ticket, in full: the number one character at a time, the place, where to wait.
    await expect(page.getByTestId("ticket-number")).toHaveText(/^[A-Z]-\d{3}$/);
    const number = (await page.getByTestId("ticket-number").textContent())!.trim();
    const spelled = number.replace(/[^A-Za-z0-9]/g, "").split("").join(", ");
    const place = (await page.getByTestId("ticket-place").textContent())!.trim();
    await hears(page, new RegExp(`${escape(k.ticket_heading)}.*${escape(spelled)}.*${escape(place)}.*${escape(k.ticket_seat)}`));
    expect((await everythingSaid(page)).at(-1)!.lang).toBe(lang === "en" ? "en-US" : "es-MX");
    if (!headphones) {
      // Nothing this page said aloud had the visitor's name in it.
      const personal = (await everythingSaid(page)).filter((x) => x.text.includes("Rosa") || /^[A-Za-z]$/.test(x.text));
      expect(personal).toEqual([]);
    }
    await expectNoAxeViolations(page, `speech mode ticket (${lang})`);
    await shoot(page, testInfo, `kiosk-21-speech-ticket-${lang}`);

    // Done ends the visit: the next visitor finds speech off.
    await page.keyboard.press("Tab");
    await moveUntil(page, startsWith(`${k.done}, ${s.button_role}`), () => page.keyboard.press("ArrowDown"));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/kiosk\/tigard$/);
    await loaded(page);
    await expect(page.locator(".speech-toggle")).toHaveAttribute("aria-pressed", "false");
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });
}

test("a visitor checks in with the keyboard and a numeric keypad alone, with speech", async ({ page }, testInfo) => {
  const t = strings("en");
  const s = t.kiosk_speech;
  const k = t.kiosk;
  await listeningTablet(page);
  await page.goto("/kiosk/tigard");
  await loaded(page);

  // Any key says how to start speech; Enter starts it.
  await page.keyboard.press("5");
  await hears(page, new RegExp(escape(s.hint)));
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(escape(s.on)));
  await moveUntil(page, startsWith(s.listening_headphones), () => page.keyboard.press("ArrowDown"));
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(escape(s.choices.replace("{count}", "3"))));

  // Help is a key away, and is itself spoken.
  await page.keyboard.press("#");
  await expect(page.getByRole("dialog", { name: s.help_heading })).toBeVisible();
  await hears(page, new RegExp(`${escape(s.help_heading)}.*${escape(s.help_letters)}`));
  await expectNoAxeViolations(page, "speech help");
  await shoot(page, testInfo, "kiosk-22-speech-help-en");
  await page.keyboard.press("*");
  await expect(page.getByRole("dialog", { name: s.help_heading })).toBeHidden();
  // Back on the screen, which is said again from the top.
  await expect.poll(() => lastSaid(page)).toMatch(/Choices: 3$/);

  // Say again, pause, louder.
  await page.keyboard.press("ArrowDown");
  const item = await lastSaid(page);
  await page.keyboard.press("0");
  await expect.poll(() => everythingSaid(page).then((all) => all.slice(-2).map((x) => x.text))).toEqual([item, item]);
  await page.keyboard.press("+");
  await hears(page, /Volume 5 of 5/);
  expect((await everythingSaid(page)).at(-1)!.volume).toBeCloseTo(1.0);

  await moveUntil(page, startsWith(t.kiosk_frame.check_in), () => page.keyboard.press("ArrowDown"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/check-in/);
  await loaded(page);
  await hears(page, new RegExp(escape(k.first_name_question)));

  // The first name on a keyboard, each letter said (headphones are on); the last name on
  // the keypad's digits, as on a phone: 777 r, 666 o, 7777 s, 2 a; hash when done.
  await page.keyboard.type("Ana");
  await hears(page, /^a$/m);
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(escape(k.last_name_question)));
  for (const key of "77766677772") await page.keyboard.press(key);
  await expect(page.locator("#last-name-input")).toHaveValue("Rosa");
  await page.keyboard.press("#");
  await hears(page, new RegExp(escape(k.reasons_question)));

  await moveUntil(page, new RegExp(`, ${escape(s.not_selected)}$`), () => page.keyboard.press("ArrowDown"));
  const reason = (await lastSaid(page)).split(`, ${s.button_role}`)[0];
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(`${escape(reason)}, ${escape(s.button_role)}, ${escape(s.selected)}$`, "m"));
  await moveUntil(page, startsWith(`${k.next}, ${s.button_role}`), () => page.keyboard.press("Tab"));
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(escape(k.registered_question)));
  await moveUntil(page, startsWith(`${k.registered_yes}, ${s.button_role}`), () => page.keyboard.press("6"));
  await page.keyboard.press("5");
  await hears(page, new RegExp(escape(k.accommodations_question)));
  await moveUntil(page, startsWith(`${k.next}, ${s.button_role}`), () => page.keyboard.press("ArrowDown"));
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(escape(k.privacy_heading)));
  await moveUntil(page, startsWith(k.consent_button), () => page.keyboard.press("ArrowDown"));
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("ticket-number")).toHaveText(/^[A-Z]-\d{3}$/);
  const number = (await page.getByTestId("ticket-number").textContent())!.trim();
  const spelled = number.replace(/[^A-Za-z0-9]/g, "").split("").join(", ");
  await hears(page, new RegExp(`${escape(k.ticket_heading)}.*${escape(spelled)}`));
  // The wizard is done: no choice or name is left in the page for the next visitor, and a
  // late double tap on the hidden button that sent it does nothing.
  await expect(page.locator('.choice[aria-pressed="true"]')).toHaveCount(0);
  for (const input of await page.locator(".wizard input").all()) await expect(input).toHaveValue("");
  await page.locator("[data-agree]").dispatchEvent("click");
  await expect(page.getByRole("heading", { name: k.ticket_heading })).toBeVisible();
  await expect(page.getByTestId("ticket-number")).toHaveText(number);
});

test("the keypad alone, without speech, moves, chooses and goes back", async ({ page }) => {
  const t = strings("es");
  await page.goto("/kiosk/tigard?lang=es");
  await loaded(page);
  await page.keyboard.press("6");
  await expect(page.locator(".speech-toggle")).toBeFocused();
  // On from the speech button to the first big button, then choose it with 5.
  const checkIn = page.getByRole("link", { name: new RegExp(escape(t.kiosk_frame.check_in)) });
  for (let i = 0; i < 10 && !(await checkIn.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("6");
  }
  await expect(checkIn).toBeFocused();
  await page.keyboard.press("5");
  await page.waitForURL(/\/check-in/);
  await loaded(page);
  await page.keyboard.type("Ana");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(t.kiosk.last_name_label)).toBeFocused();
  await page.keyboard.press("*");
  await expect(page.getByLabel(t.kiosk.first_name_label)).toHaveValue("Ana");
});

test("a reason handled elsewhere: its notice is said as it appears", async ({ page }) => {
  const t = strings("en");
  const s = t.kiosk_speech;
  const k = t.kiosk;
  await useKioskOf(page.context(), "southeast-portland");
  await listeningTablet(page);
  await page.goto("/kiosk/southeast-portland");
  await loaded(page);
  await page.touchscreen.tap(SPEECH_CORNER.x, SPEECH_CORNER.y);
  await hears(page, new RegExp(escape(s.on)));
  await moveUntil(page, startsWith(s.listening_headphones), () => page.keyboard.press("ArrowDown"));
  await page.keyboard.press("Enter");
  await moveUntil(page, startsWith(t.kiosk_frame.check_in), () => page.keyboard.press("ArrowDown"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/check-in/);
  await loaded(page);
  await hears(page, new RegExp(escape(k.first_name_question)));
  await page.keyboard.type("Lan");
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(escape(k.last_name_question)));
  await page.keyboard.type("N");
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(escape(k.reasons_question)));

  await moveUntil(page, /^Unemployment Insurance, /, () => page.keyboard.press("ArrowDown"));
  await page.keyboard.press("Enter");
  await hears(page, new RegExp(`${escape(k.elsewhere_heading)}.*Oregon Employment Department`));
});

test("after the idle reset speech is off and the volume is back to its default", async ({ page }, testInfo) => {
  const t = strings("es");
  const s = t.kiosk_speech;
  await page.clock.install();
  await listeningTablet(page);
  await page.goto("/kiosk/tigard?lang=es");
  await loaded(page);
  await expect(page.locator('.idle-guard[data-ready="true"]')).toBeAttached();
  await page.touchscreen.tap(SPEECH_CORNER.x, SPEECH_CORNER.y);
  await hears(page, new RegExp(escape(s.on)));
  await moveUntil(page, startsWith(s.listening_headphones), () => page.keyboard.press("ArrowDown"));
  await page.keyboard.press("Enter");
  await page.keyboard.press("+");
  await hears(page, new RegExp(escape(s.volume.replace("{level}", "5").replace("{most}", "5"))));
  await expectNoAxeViolations(page, "speech mode controls (es)");
  await expectLargeTapTargets(page, "speech mode controls (es)");
  await shoot(page, testInfo, "kiosk-23-speech-controls-es");

  // Twice the usual time before the question, which is spoken.
  await page.clock.fastForward(61_000);
  const dialog = page.getByRole("dialog", { name: t.kiosk_frame.idle_heading });
  await expect(dialog).toBeHidden();
  await page.clock.fastForward(60_000);
  await expect(dialog).toBeVisible();
  await hears(page, new RegExp(`${escape(t.kiosk_frame.idle_heading)}.*${escape(t.kiosk_frame.idle_continue)}`));

  // Nobody answers: the kiosk starts over, with speech off and the volume as it was.
  await page.clock.fastForward(61_000);
  await page.waitForURL(/\/kiosk\/tigard$/);
  await loaded(page);
  await expect(page.locator(".speech-toggle")).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("html")).not.toHaveAttribute("data-speech");
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.keyboard.press("Enter");
  await hears(page, /Speech is on/);
  expect((await everythingSaid(page)).at(-1)!.volume).toBeCloseTo(0.8);
});

test("without a voice for the screen's language, an English voice says so and the screen keeps its language", async ({ page }) => {
  const ar = strings("ar");
  await listeningTablet(page);
  await page.goto("/kiosk/tigard/check-in?lang=ar");
  await loaded(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // Right to left, the speech button is in the top right corner.
  await page.touchscreen.tap(1280 - SPEECH_CORNER.x, SPEECH_CORNER.y);
  await expect.poll(() => everythingSaid(page).then((all) => all[0])).toEqual({
    text: "This tablet has no Arabic voice. The screen stays in Arabic.",
    lang: "en-US",
    volume: 1,
  });
  await expect(page.locator(".read-aloud-missing")).toHaveText(ar.kiosk_frame.no_voice);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await hears(page, new RegExp(escape(ar.kiosk_speech.on)));
  expect((await everythingSaid(page)).at(-1)!.lang).toBe("ar");
});
