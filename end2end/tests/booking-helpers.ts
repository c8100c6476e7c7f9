// Steps of the home booking flow, in either language, shared by the booking specs.
import { expect, Page, TestInfo } from "@playwright/test";
import { expectNoAxeViolations, shoot } from "./helpers";
import * as fs from "fs";

export type Words = {
  lang: "en" | "es";
  service: string;
  center: string;
  continue: string;
  done: string;
  booked: string;
  cancelled: string;
  cancel: string;
  anotherTime: string;
  move: string;
  moved: string;
  required: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  addToCalendar: string;
  bookAgain: string;
};

export const ENGLISH: Words = {
  lang: "en", service: "Resume review", center: "WorkSource Tigard", continue: "Continue",
  done: "Done — book this time", booked: "You are booked", cancelled: "Your appointment is cancelled",
  cancel: "Cancel this appointment", anotherTime: "Choose another time", move: "Move my appointment to this time",
  moved: "Your appointment moved to the new time", required: "Please fill this in.", firstName: "First name",
  lastName: "Last name", email: "Email", phone: "Telephone", addToCalendar: "Add to calendar (.ics file)",
  bookAgain: "Book a new appointment",
};

export const SPANISH: Words = {
  lang: "es", service: "Revisión de currículum", center: "WorkSource Tigard", continue: "Continuar",
  done: "Listo — reservar esta hora", booked: "Su cita está reservada", cancelled: "Su cita está cancelada",
  cancel: "Cancelar esta cita", anotherTime: "Elegir otra hora", move: "Cambiar mi cita a esta hora",
  moved: "Su cita pasó a la nueva hora", required: "Por favor, complete este dato.", firstName: "Nombre",
  lastName: "Apellido", email: "Correo electrónico", phone: "Teléfono",
  addToCalendar: "Agregar al calendario (archivo .ics)", bookAgain: "Hacer una cita nueva",
};

/** A tap: the booking specs run on a touch phone. (No page script is asked whether the
 *  device has touch: one spec runs with JavaScript off.) */
export async function press(_page: Page, locator: ReturnType<Page["locator"]>) {
  await locator.tap();
}

/** Step 1 and 2: service, center, the zone the browser reports, the first free time. */
export async function chooseFirstTime(page: Page, w: Words, testInfo?: TestInfo, shots = "", axe = true) {
  await expect(page.locator("html")).toHaveAttribute("lang", w.lang);
  await press(page, page.getByLabel(w.service));
  await page.locator("#center").selectOption({ label: w.center });
  if (axe) await expectNoAxeViolations(page, `booking start (${w.lang})`);
  if (testInfo && shots) await shoot(page, testInfo, `${shots}-1-start`);
  await press(page, page.getByRole("button", { name: w.continue }));

  await expect(page.locator("table.calendar").first()).toBeVisible();
  await expect(page.locator(".day.chosen")).toHaveCount(1);
  if (axe) await expectNoAxeViolations(page, `booking times (${w.lang})`);
  if (testInfo && shots) await shoot(page, testInfo, `${shots}-2-times`);
  await press(page, page.getByRole("button", { name: w.continue }));
  // The details form has loaded (a tap only starts the navigation).
  await expect(page.locator("input[name=key]")).toBeAttached();
}

/** Step 3, filled in; submits and waits for the confirmation. */
export async function fillDetails(page: Page, w: Words, name: string) {
  await page.getByLabel(w.firstName).fill(name);
  await page.getByLabel(w.lastName, { exact: true }).fill("Okafor");
  await page.getByLabel(w.email).fill(`${name.toLowerCase()}@example.org`);
  // A phone of their own: one email or phone holds at most three upcoming appointments.
  const digits = [...name].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 9000, 7) + 1000;
  await page.getByLabel(w.phone).fill(`(503) 555-${digits}`);
  await press(page, page.getByRole("button", { name: w.done }));
  await expect(page.getByRole("heading", { name: w.booked })).toBeVisible();
}

/** Downloads the .ics and returns its text. */
export async function downloadCalendar(page: Page, w: Words): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: w.addToCalendar }).click(),
  ]);
  const file = await download.path();
  return fs.readFileSync(file!, "utf8");
}
