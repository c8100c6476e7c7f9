// "Read aloud" speaks the screen the visitor sees, in the screen's language, through the
// browser's own speech synthesis (observed here, not replaced: the real call still runs),
// and only with a voice of that language: the tablet's voices are set by each test.
import { test, expect } from "./fixtures";
import { waitForWizard } from "./helpers";

/** The tablet's installed voices are `langs` (added to whatever the browser has). */
async function tabletWithVoices(page: import("@playwright/test").Page, langs: string[]) {
  await page.addInitScript((langs: string[]) => {
    speechSynthesis.getVoices = () => langs.map((lang) => ({ lang, name: `voice ${lang}` }) as unknown as SpeechSynthesisVoice);
    const spoken: { text: string; lang: string }[] = [];
    (window as any).__spoken = spoken;
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      spoken.push({ text: utterance.text, lang: utterance.lang });
      speak(utterance);
    };
  }, langs);
}

test("read aloud speaks the current question in the visitor's language", async ({ page }) => {
  await tabletWithVoices(page, ["en-US", "es-MX"]);
  await page.goto("/kiosk/tigard/check-in?lang=es");
  await waitForWizard(page);
  await expect(page.locator('leptos-island[data-component^="ReadAloud"]')).toBeAttached();
  await page.getByLabel("Nombre").fill("Rosa");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByLabel("Apellido").fill("M");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.getByRole("heading", { name: "¿Por qué vino hoy?" })).toBeVisible();

  const readAloud = page.getByRole("button", { name: "Leer en voz alta" });
  await expect.poll(async () => {
    await readAloud.tap();
    return page.evaluate(() => (window as any).__spoken.length);
  }).toBeGreaterThan(0);
  const spoken = await page.evaluate(() => (window as any).__spoken.at(-1));
  expect(spoken.lang).toBe("es-MX");
  expect(spoken.text).toContain("¿Por qué vino hoy?");
  expect(spoken.text).toContain("Seguro de desempleo");
  expect(spoken.text).not.toContain("What is your");
});

test("without a voice for the screen's language, read aloud says so in that language", async ({ page }) => {
  await tabletWithVoices(page, ["en-US", "es-MX"]);
  await page.goto("/kiosk/tigard/check-in?lang=ar");
  await waitForWizard(page);
  await expect(page.locator('leptos-island[data-component^="ReadAloud"]')).toBeAttached();
  const status = page.locator(".read-aloud-missing");
  await expect.poll(async () => {
    await page.getByRole("button", { name: "قراءة بصوت عالٍ" }).tap();
    return status.textContent();
  }).toContain("العربية");
  // Nothing was read with an English voice.
  expect(await page.evaluate(() => (window as any).__spoken.length)).toBe(0);
});
