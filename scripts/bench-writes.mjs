// The write side of scripts/bench.sh, through HTTP against a running release server:
//   bookings  every free time of every bookable service, booked on distinct slots by 16
//             clients at once; prints the committed bookings per second;
//   crowd     500 enrolment posts at once for one workshop session; prints how long the
//             slowest and the median answer took.
// Each person comes from an address of their own (X-Forwarded-For; the server trusts
// 127.0.0.1 as its proxy here, as it trusts nginx in production), as many people would:
// the per-address limits are not what is measured.
//   node scripts/bench-writes.mjs bookings http://127.0.0.1:3295
//   node scripts/bench-writes.mjs crowd http://127.0.0.1:3295 <session id>
const [what, base, session] = process.argv.slice(2);

/** A made-up client address for person `n`, one of 16 million. */
const addressOf = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Posts a form as a browser does, without following the redirect. */
async function postForm(path, fields, n) {
  const started = performance.now();
  const reply = await fetch(base + path, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": addressOf(n) },
    body: new URLSearchParams(fields).toString(),
  });
  await reply.arrayBuffer();
  return { status: reply.status, location: reply.headers.get("location") ?? "", ms: performance.now() - started };
}

/** A server function's JSON answer to url-encoded arguments. */
async function serverFn(path, fields) {
  const reply = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(fields).toString(),
  });
  if (!reply.ok) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
  return reply.json();
}

/** Every (service, center, start) free now, each slot once. */
async function freeSlots() {
  const services = await serverFn("/api/book/services", {});
  const centers = await serverFn("/api/centers/list", {});
  const slots = [];
  for (const service of services.map((s) => s.code)) {
    for (const center of centers.map((c) => c.id)) {
      const free = await serverFn("/api/book/free-times", { service, center });
      for (const start of free?.starts ?? []) slots.push({ service, center, start });
    }
  }
  return slots;
}

async function bookings() {
  const slots = await freeSlots();
  if (slots.length < 100) throw new Error(`only ${slots.length} free slots to book`);
  let next = 0;
  let booked = 0;
  const refused = new Map();
  const started = performance.now();
  // 16 clients, each booking the next free slot as soon as its last answer came.
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let n = next++; n < slots.length; n = next++) {
      const { service, center, start } = slots[n];
      const reply = await postForm("/book/details", {
        service, center, tz: "America/Los_Angeles", lang: "en", start, key: crypto.randomUUID(),
        first_name: `Bench${n}`, last_name: "Person", email: `bench${n}@example.org`,
        phone: `503-555-${String(n % 10000).padStart(4, "0")}`, language: "en", held: "phone",
      }, n);
      if (reply.status === 303 && reply.location.startsWith("/book/manage/")) booked++;
      else refused.set(reply.status, (refused.get(reply.status) ?? 0) + 1);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const perSecond = booked / seconds;
  console.log(JSON.stringify({ slots: slots.length, booked, seconds: +seconds.toFixed(2), perSecond: +perSecond.toFixed(1), refused: Object.fromEntries(refused) }));
}

async function crowd() {
  const posts = Array.from({ length: 500 }, (_, n) => postForm(`/workshops/enrol/${session}`, {
    key: crypto.randomUUID(), lang: "en", tz: "America/Los_Angeles", first_name: `Crowd${n}`, last_name: "Person",
    contact: `crowd${n}@example.org`, language: "en",
  }, 100000 + n));
  const replies = await Promise.all(posts);
  const times = replies.map((r) => r.ms).sort((a, b) => a - b);
  const answered = replies.filter((r) => r.status === 303 && r.location.startsWith("/workshops/manage/")).length;
  console.log(JSON.stringify({
    posts: replies.length, answered303: answered,
    slowestMs: +times[times.length - 1].toFixed(0), medianMs: +times[times.length >> 1].toFixed(0),
  }));
}

await (what === "bookings" ? bookings() : crowd());
