// The load client of scripts/chaos.sh: people book, enrol and check in through nginx
// without pause while chaos.sh kills a server process and restarts PostgreSQL. Every
// request carries an idempotency key; one that gets no answer (the connection cut, a
// 502/503/504 while a process or the database is away) is sent again with the same key,
// as the pages do, until it is answered or 20 s have passed; the key also travels in an
// X-Chaos-Key header, for nginx's log to name the requests cut by the kill. Writes what each person was
// shown to a JSON file for chaos.sh to hold against the database:
//   confirmed  keys of the bookings, enrolments and check-ins a client was shown as done,
//              each with what it was shown (the manage link's token, the ticket number);
//   refused    keys answered "no" (taken, full, over a limit): nothing may exist for them;
//   failed     keys answered with a server error other than "try again" (500): none may be;
//   cut        keys never answered: they may or may not exist, and are reported;
//   answers    the time of every confirmation, to find how long each fault kept service
//              away.
// At the end it reads the faults chaos.sh caused (a line each: the time in ms, what) and
// fails when any of them left a gap of more than 10 s without an answer.
//   node scripts/chaos-load.mjs <nginx url> <seconds> <out.json> <center> <kiosk cookie> <session id> <faults file>
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { addressOf, freeSlots } from "./load-client.mjs";

const [base, seconds, out, center, kioskCookie, session, faultsFile] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const result = {
  confirmed: { booking: [], enrolment: [], checkIn: [] },
  refused: { booking: [], enrolment: [], checkIn: [] },
  failed: { booking: [], enrolment: [], checkIn: [] },
  cut: { booking: [], enrolment: [], checkIn: [] },
  shown: {},
  answers: [],
  retries: 0,
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sends `request()` until it is answered (anything but no answer or 502/503/504), or
 *  20 s have passed; the same key each time, as the request carries it. */
async function untilAnswered(request) {
  const giveUp = Date.now() + 20_000;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) result.retries++;
    try {
      const reply = await request();
      if (![502, 503, 504].includes(reply.status)) return reply;
    } catch {
      // The connection was cut or refused: try again.
    }
    if (Date.now() > giveUp) return null;
    await sleep(250);
  }
}

function postForm(path, fields, n) {
  return fetch(base + path, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": addressOf(n), "x-chaos-key": fields.key },
    body: new URLSearchParams(fields).toString(),
  });
}

let person = 0;

/** Files what `key` of `kind` was answered: shown as done (with what was shown), refused,
 *  failed (a 5xx that is not "try again"), or never answered. */
function file(kind, key, reply, shown) {
  if (!reply) result.cut[kind].push(key);
  else if (shown) {
    result.confirmed[kind].push(key);
    result.shown[key] = shown;
    result.answers.push(Date.now());
  } else if (reply.status >= 500) result.failed[kind].push(key);
  else result.refused[kind].push(key);
}

/** The token of a manage link `location` under `prefix`, if it is one. */
const tokenIn = (location, prefix) => (location ?? "").startsWith(prefix) ? location.slice(prefix.length).split("?")[0] : null;

async function booker(slots) {
  while (Date.now() < deadline && slots.length) {
    const { service, center: c, start } = slots.pop();
    const n = person++;
    const key = crypto.randomUUID();
    const fields = {
      service, center: c, tz: "America/Los_Angeles", lang: "en", start, key,
      first_name: `Chaos${n}`, last_name: "Booker", email: `chaos${n}@example.org`,
      phone: `503-555-${String(n % 10000).padStart(4, "0")}`, language: "en", held: "phone",
    };
    const reply = await untilAnswered(() => postForm("/book/details", fields, n));
    file("booking", key, reply, reply?.status === 303 && tokenIn(reply.headers.get("location"), "/book/manage/"));
    await reply?.arrayBuffer().catch(() => {});
    // Paced so that the free slots last the whole run.
    await sleep(pace);
  }
}

async function enroller() {
  while (Date.now() < deadline) {
    const n = person++;
    const key = crypto.randomUUID();
    const fields = {
      key, lang: "en", tz: "America/Los_Angeles", first_name: `Chaos${n}`, last_name: "Enroller",
      contact: `enrol${n}@example.org`, language: "en",
    };
    const reply = await untilAnswered(() => postForm(`/workshops/enrol/${session}`, fields, n));
    file("enrolment", key, reply, reply?.status === 303 && tokenIn(reply.headers.get("location"), "/workshops/manage/"));
    await reply?.arrayBuffer().catch(() => {});
  }
}

/** The number of the visitor at the tablet, as its check-in screen names it. */
async function tabletVisitor() {
  const reply = await untilAnswered(() =>
    fetch(`${base}/kiosk/${center}/check-in`, { headers: { cookie: kioskCookie }, signal: AbortSignal.timeout(10_000) }));
  const found = /name="visitor" value="(\d+)"/.exec((await reply?.text()) ?? "");
  return found ? Number(found[1]) : null;
}

async function checkInDesk() {
  let visitor = await tabletVisitor();
  while (Date.now() < deadline) {
    const n = person++;
    const key = crypto.randomUUID();
    const send = () => fetch(`${base}/api/kiosk/check-in`, {
      method: "POST",
      signal: AbortSignal.timeout(10_000),
      headers: { "content-type": "application/json", accept: "application/json", cookie: kioskCookie, "x-chaos-key": key },
      body: JSON.stringify({
        center_id: center, language: "en", key, visitor,
        answers: {
          first_name: `Chaos${n}`, last_name: "Walkin", reasons: ["job_search"], registered: "yes",
          accommodations: [], interpreter_language: "", accommodation_other: "", consent: true,
        },
      }),
    });
    let reply = await untilAnswered(send);
    let outcome = reply?.ok ? await reply.json() : null;
    if (outcome === "StartOver") {
      // The tablet has a new visitor number (it stood quiet): the same check-in again.
      visitor = await tabletVisitor();
      reply = await untilAnswered(send);
      outcome = reply?.ok ? await reply.json() : null;
    }
    file("checkIn", key, reply, outcome?.CheckedIn?.number);
    // A lobby's pace: a check-in every half second (the tablet's own limit allows bursts).
    await sleep(500);
  }
}

// Shuffled, so that the clients spread over the days.
const slots = (await freeSlots(base)).sort(() => Math.random() - 0.5);
const bookers = 4;
const pace = Math.max(0, (Number(seconds) * 1000 * bookers) / slots.length);
await Promise.all([
  ...Array.from({ length: bookers }, () => booker(slots)),
  ...Array.from({ length: 3 }, () => enroller()),
  checkInDesk(),
]);
writeFileSync(out, JSON.stringify(result));
const count = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.length]));
console.log(JSON.stringify({ confirmed: count(result.confirmed), refused: count(result.refused), failed: count(result.failed), cut: count(result.cut), retries: result.retries, slotsLeft: slots.length }));

// Service after each fault: the longest stretch without any answer, from the fault on.
const answers = [...result.answers].sort((a, b) => a - b);
const faults = existsSync(faultsFile) ? readFileSync(faultsFile, "utf8").trim().split("\n").filter(Boolean) : [];
let slow = false;
for (const line of faults) {
  const at = Number(line.split(" ")[0]);
  const what = line.slice(line.indexOf(" ") + 1);
  // From the fault to the end of the window (or of the run), counting the silence after
  // the last confirmation too.
  const end = Math.min(at + 20_000, deadline);
  let previous = at;
  let longest = 0;
  for (const t of answers.filter((t) => t > at && t < end)) {
    longest = Math.max(longest, t - previous);
    previous = t;
  }
  longest = Math.max(longest, end - previous);
  console.log(`${what}: longest time without a confirmation after it ${(longest / 1000).toFixed(1)} s`);
  slow ||= longest > 10_000;
}
const unanswered = Object.values(result.cut).flat().length + Object.values(result.failed).flat().length;
if (unanswered) console.log(`${unanswered} requests never answered, or answered with a server error`);
process.exit(slow || unanswered ? 1 : 0);
