// Precision and recall of phone-scan (ours) and libphonenumber-js `findPhoneNumbersInText`
// (max metadata) on the labelled corpus. Usage: node accuracy.mjs PHONE_SCAN_BINARY CORPUS_DIR
// Scoring (same as tests/corpus.rs): a found number is right if it overlaps a marked number
// and has its E.164; everything else found is a false positive.
import { readFileSync, readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { findPhoneNumbersInText } from 'libphonenumber-js/max'

const [bin, dir] = process.argv.slice(2)

function strip(marked) {
  let text = ''
  const numbers = []
  let distractors = 0
  const re = /⟦([^⟧]*)⟧|⟪([^⟫]*)⟫/gu
  let last = 0
  for (const m of marked.matchAll(re)) {
    text += marked.slice(last, m.index)
    if (m[1] !== undefined) {
      const cut = m[1].lastIndexOf('|')
      const start = text.length
      text += m[1].slice(0, cut)
      numbers.push({ start, end: text.length, e164: m[1].slice(cut + 1) })
    } else {
      text += m[2]
      distractors++
    }
    last = m.index + m[0].length
  }
  return { text: text + marked.slice(last), numbers, distractors }
}

// UTF-16 index of every UTF-8 byte offset, to compare phone-scan's byte ranges.
function byteToIndex(text) {
  const map = new Map()
  let bytes = 0
  for (let i = 0; i < text.length; ) {
    map.set(bytes, i)
    const cp = text.codePointAt(i)
    bytes += Buffer.byteLength(String.fromCodePoint(cp))
    i += cp > 0xffff ? 2 : 1
  }
  map.set(bytes, text.length)
  return map
}

function ours(text, region) {
  const run = spawnSync(bin, ['--region', region], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (run.status !== 0) throw new Error(`phone-scan failed: ${run.stderr}`)
  const map = byteToIndex(text)
  return run.stdout.split('\n').filter(Boolean).map((line) => {
    const j = JSON.parse(line)
    return { start: map.get(j.start), end: map.get(j.end), e164: j.e164 }
  })
}

function theirs(text, region) {
  return findPhoneNumbersInText(text, { defaultCountry: region, v2: true }).map((m) => ({
    start: m.startsAt, end: m.endsAt, e164: m.number.number,
  }))
}

function score(found, numbers, tally, misses, file, text) {
  const hit = new Array(numbers.length).fill(false)
  for (const f of found) {
    const k = numbers.findIndex((n, i) => !hit[i] && f.start < n.end && n.start < f.end && f.e164 === n.e164)
    if (k >= 0) { hit[k] = true; tally.tp++ } else { tally.fp++; misses.push(`FP ${file}: ${JSON.stringify(text.slice(f.start, f.end))} ${f.e164}`) }
  }
  hit.forEach((h, i) => {
    if (!h) { tally.fn++; misses.push(`FN ${file}: ${JSON.stringify(text.slice(numbers[i].start, numbers[i].end))}`) }
  })
}

const engines = { 'phone-detect (ours)': ours, 'libphonenumber-js max': theirs }
const tallies = Object.fromEntries(Object.keys(engines).map((k) => [k, { tp: 0, fp: 0, fn: 0, ms: 0 }]))
const misses = Object.fromEntries(Object.keys(engines).map((k) => [k, []]))
let total = 0, distractors = 0
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const marked = readFileSync(join(dir, file), 'utf8')
  const nl = marked.indexOf('\n')
  const region = marked.slice(0, nl).replace('#region', '').trim()
  const { text, numbers, distractors: d } = strip(marked.slice(nl + 1))
  total += numbers.length
  distractors += d
  for (const [name, engine] of Object.entries(engines)) {
    const found = engine(text, region)
    score(found, numbers, tallies[name], misses[name], file, text)
  }
}
console.log(`corpus: ${total} numbers, ${distractors} distractors (${dir})`)
for (const [name, t] of Object.entries(tallies)) {
  const p = t.tp / Math.max(1, t.tp + t.fp), r = t.tp / Math.max(1, t.tp + t.fn)
  console.log(`${name.padEnd(24)} precision ${p.toFixed(4)}  recall ${r.toFixed(4)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`)
}
if (process.env.VERBOSE) for (const [name, m] of Object.entries(misses)) console.log(name, m.join('\n'))

// Indicative speed: every corpus file's text, repeated to about 1 MB, scanned in region CZ.
// Ours is the native release binary (process start and plan compilation included), theirs runs
// in this Node process: not the in-browser figure the issue asks for, which the panel measures.
{
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => {
    const marked = readFileSync(join(dir, f), 'utf8')
    return strip(marked.slice(marked.indexOf('\n') + 1)).text
  })
  let page = ''
  while (Buffer.byteLength(page) < 1_000_000) page += texts.join('\n')
  const time = (fn) => {
    const best = []
    for (let i = 0; i < 5; i++) { const t = process.hrtime.bigint(); fn(); best.push(Number(process.hrtime.bigint() - t) / 1e6) }
    return Math.min(...best)
  }
  const mb = (Buffer.byteLength(page) / 1e6).toFixed(2)
  const scan = () => spawnSync(bin, ['--region', 'CZ'], { input: page, encoding: 'utf8', maxBuffer: 1 << 28 })
  console.log(`speed on a ${mb} MB page (best of 5): ours ${time(scan).toFixed(1)} ms (native, whole process), ` +
    `libphonenumber-js ${time(() => theirs(page, 'CZ')).toFixed(1)} ms (Node ${process.version})`)
}
