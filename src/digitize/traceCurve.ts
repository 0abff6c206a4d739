/**
 * Follows one arm's Kaplan-Meier curve through the classified pixels, column by column from
 * left to right, and returns the vertices of its step path in pixel coordinates. The method
 * (column tracing, as curve digitisers such as WebPlotDigitizer do, of the step corners Guyot
 * et al., BMC Med Res Methodol 2012;12:9, ask for):
 *
 * 1. In each column the arm's pixels form vertical runs. A run no longer than the line's
 *    thickness plus 2 px is a piece of a horizontal segment, and its coverage-weighted centre
 *    is a candidate level. Longer runs are vertical segments, censor marks or both. The
 *    thickness is the run length holding the most pixels.
 * 2. The curve starts at the topmost piece among the first columns with any (of any arm: it
 *    may start hidden) and only falls. It stays at its level while a piece lies within half a
 *    line width of it. It falls to a lower piece only if that piece runs on to the right for
 *    the line's thickness plus 2 columns (a censor mark's arm cut up by a gridline does not),
 *    and a path of curve pixels (any arm's; gaps of at most 2 rows, where a gridline is drawn
 *    across) leads down to it from the level, within the columns since the level was last
 *    seen, reaching back a censor mark's width. The deepest such piece wins: a + mark drawn
 *    across a step puts its bar between the two levels. So censor marks (runs that return to
 *    the level), legend keys and text (not joined) and anything above the level are ignored.
 * 3. The step's time is the left edge of the arm's pixels along that path, plus half a line
 *    width, row by row between the two lines; where the edge moves right by more than half a
 *    line width, a staircase of steps closer than the line is thick (a steep stretch with many
 *    events) is split there.
 * 4. Where the arm's pixels are missing (a gridline, a mark or another arm drawn across it)
 *    the level is carried forward. Where another arm covers the level and this arm has not
 *    set off down a step of its own, the other arm's steps are followed tentatively (shared
 *    steps are drawn once) and kept if this arm reappears at or below them.
 * 5. The end: a final vertical drop (a curve that ends at 0, or on an event) is kept, with a
 *    + mark at its foot read as its level; a mark's bar across the last step (R draws the mark
 *    midway) is not a level; a curve that ends censored ends at the centre of its last mark.
 *
 * Levels are the mean of their observations; a piece cut short by another arm drawn over one
 * of its edges is placed by its other edge.
 *
 * @example
 * const path = traceCurve(classifyPixels(image, colours, window), 0);
 * path.x; path.y; // vertices: (x0, y0), then per step (x, above), (x, below), then the end
 */
import type { Classified } from "./classifyPixels.js";

export interface TracedPath {
  /** Vertices of the step path, continuous pixel coordinates (x to the right, y downwards). */
  readonly x: number[];
  readonly y: number[];
  /** The commonest vertical run length of the arm's pixels: the line's thickness in px. */
  readonly lineWidth: number;
  /** Columns where the curve was seen at its level, and columns it was carried across. */
  readonly columnsSeen: number;
  readonly columnsCarried: number;
}

interface Candidate {
  readonly y: number;
}

interface Level {
  anchor: number;
  sum: number;
  n: number;
}

export function traceCurve(classified: Classified, k: number): TracedPath | null {
  const { arm, coverage, covered, rows, window } = classified;
  const { x0, x1, y0, y1 } = window;
  const cols = x1 - x0;

  const own = (c: number, r: number) => arm[c * rows + r - y0] === k;
  const other = (c: number, r: number) => {
    const a = arm[c * rows + r - y0];
    return a >= 0 && a !== k;
  };

  const lineWidth = commonRunLength(arm, rows, k);
  if (lineWidth === 0) return null;
  const maxShort = Math.round(lineWidth) + 2;
  const tolY = Math.max(1, lineWidth / 2);
  const markReach = Math.ceil(4 * lineWidth) + 4;

  /** Candidate levels in column c: short runs of the pixels `is` accepts. */
  function candidates(c: number, is: (c: number, r: number) => boolean, isOwn: boolean): Candidate[] {
    const out: Candidate[] = [];
    let r = y0;
    while (r < y1) {
      if (!is(c, r)) {
        r++;
        continue;
      }
      const start = r;
      let weight = 0;
      let moment = 0;
      while (r < y1 && is(c, r)) {
        const a = isOwn ? coverage[c * rows + r - y0] : 255;
        weight += a;
        moment += a * (r + 0.5);
        r++;
      }
      const end = r; // exclusive
      const length = end - start;
      if (length > maxShort) continue;
      let y = moment / weight;
      if (isOwn && length < lineWidth - 0.5) {
        // Another arm drawn over one edge: place the line by its other edge.
        const above = start > y0 && other(c, start - 1);
        const below = end < y1 && other(c, end);
        if (above && !below) y = end - lineWidth / 2;
        else if (below && !above) y = start + lineWidth / 2;
      }
      out.push({ y });
    }
    return out;
  }

  const ownCache: (Candidate[] | undefined)[] = new Array(cols);
  const otherCache: (Candidate[] | undefined)[] = new Array(cols);
  /** This arm's candidate levels in column c, top first (cached). */
  const mineAt = (c: number) => (ownCache[c] ??= candidates(c, own, true));
  /** The other arms' candidate levels in column c, top first (cached). */
  const theirsAt = (c: number) => (otherCache[c] ??= candidates(c, other, false));

  /**
   * Does a horizontal line at y run on from column c for the line's thickness plus 2 columns
   * (this arm's pieces, or another arm drawn over it)? A censor mark's vertical arm cut into
   * short pieces by a gridline does not.
   */
  function extends_(c: number, y: number, mine: boolean): boolean {
    const span = Math.ceil(lineWidth) + 2;
    const row = Math.floor(y);
    for (let q = c; q < c + span; q++) {
      if (q >= cols) return false;
      const here = mine ? mineAt(q) : theirsAt(q);
      if (here.some((m) => Math.abs(m.y - y) <= tolY)) continue;
      if (mine ? other(q, row) : own(q, row)) continue;
      return false;
    }
    return true;
  }

  /** Is the span between levels ya < yb covered by curve pixels (85%) in column c? */
  function joins(c: number, ya: number, yb: number): boolean {
    const r0 = Math.max(0, Math.ceil(ya - 0.5) - y0);
    const r1 = Math.min(rows, Math.floor(yb - 0.5) - y0 + 1);
    if (r1 <= r0) return true;
    const base = c * (rows + 1);
    return covered[base + r1] - covered[base + r0] >= 0.85 * (r1 - r0);
  }

  /** Mean x of the columns in [from, to] that join ya and yb; NaN if none does. */
  function joiningX(from: number, to: number, ya: number, yb: number): number {
    let sum = 0;
    let n = 0;
    for (let c = Math.max(0, from); c <= to; c++) {
      if (joins(c, ya, yb)) {
        sum += x0 + c + 0.5;
        n++;
      }
    }
    return n ? sum / n : NaN;
  }

  /**
   * Joins level ya to the lower level yb through columns [from, to]: a path of curve pixels
   * (any arm's) going down row by row, sideways within a row, across gaps of at most 2 rows
   * (a gridline drawn over it). Null if there is none. Otherwise the steps it makes: one, or
   * several where the path is a staircase of steps closer than the line is thick (a steep
   * stretch of a curve with many events), read from the left edge of the path in each row
   * strictly between the two lines (the curve only moves right).
   */
  function join(from: number, to: number, ya: number, yb: number): { x: number[]; y: number[] } | null {
    // A line width past `to`, so that a vertical at the current column is whole.
    const cA = Math.max(0, from - 1);
    const n = Math.min(cols - 1, to + Math.ceil(lineWidth)) - cA + 1;
    const ra = Math.max(y0, Math.floor(ya));
    const rb = Math.min(y1 - 1, Math.floor(yb));
    const h = lineWidth / 2;
    let reach = new Uint8Array(n);
    let next = new Uint8Array(n);
    const cov = (i: number, r: number) => arm[(cA + i) * rows + r - y0] >= 0;
    const spread = (row: Uint8Array, r: number) => {
      for (let i = 1; i < n; i++) if (!row[i] && row[i - 1] && cov(i, r)) row[i] = 1;
      for (let i = n - 2; i >= 0; i--) if (!row[i] && row[i + 1] && cov(i, r)) row[i] = 1;
    };
    let any = false;
    for (let i = 0; i < n; i++) if ((reach[i] = cov(i, ra) ? 1 : 0)) any = true;
    if (!any) return null;
    const profile: number[] = [];
    const lefts: number[] = [];
    let gap = 0;
    let left = -Infinity;
    for (let r = ra + 1; r <= rb; r++) {
      any = false;
      for (let i = 0; i < n; i++) {
        next[i] = cov(i, r) && (reach[i] || (i > 0 && reach[i - 1]) || (i + 1 < n && reach[i + 1])) ? 1 : 0;
        if (next[i]) any = true;
      }
      if (!any) {
        if (++gap > 2) return null;
        continue;
      }
      gap = 0;
      spread(next, r);
      [reach, next] = [next, reach];
      if (r + 0.5 > ya + h && r + 0.5 < yb - h) {
        // The piece of this row nearest the path so far, never left of the last: the extent of
        // this arm's pixels within each reached run, or where this row has none (the arm is
        // hidden here), the runs themselves. On the first row, the rightmost (the latest vertical).
        let best = -1;
        let bestWidth = 0;
        let bestDistance = Infinity;
        for (let pass = 0; pass < 2 && best < 0; pass++) {
          for (let i = 0; i < n; ) {
            if (!reach[i]) {
              i++;
              continue;
            }
            let e = i;
            while (e + 1 < n && reach[e + 1]) e++;
            let si = i;
            let ei = e;
            if (pass === 0) {
              while (si <= e && !own(cA + si, r)) si++;
              while (ei >= si && !own(cA + ei, r)) ei--;
            }
            if (si <= ei) {
              const sx = x0 + cA + si;
              const ex = x0 + cA + ei + 1;
              const distance = left === -Infinity ? -sx : left < sx ? sx - left : left > ex ? left - ex : 0;
              if (distance < bestDistance) {
                bestDistance = distance;
                best = sx;
                bestWidth = ex - sx;
              }
            }
            i = e + 1;
          }
        }
        // A row narrowed by a gridline or mark drawn across the path says nothing.
        if (bestWidth < lineWidth - 1) continue;
        left = Math.max(left, best);
        profile.push(r);
        lefts.push(left);
      }
    }
    if (gap > 0) return null;
    if (profile.length === 0) {
      const x = joiningX(cA, to, ya, yb);
      return { x: [Number.isNaN(x) ? x0 + (cA + to + 1) / 2 : x], y: [yb] };
    }
    // Group the rows into vertical pieces; each new piece starts a step.
    const xs: number[] = [];
    const ys: number[] = [];
    let groupStart = lefts[0];
    let sum = 0;
    let count = 0;
    for (let q = 0; q < profile.length; q++) {
      const boundary = profile[q] + 0.5 - h;
      const previous = ys.length ? ys[ys.length - 1] : ya;
      // A new piece, unless its level is within tolerance of the one above or of yb.
      if (lefts[q] - groupStart > Math.max(1, h) && boundary - previous > tolY && yb - boundary > tolY) {
        xs.push(sum / count + h);
        ys.push(boundary);
        groupStart = lefts[q];
        sum = 0;
        count = 0;
      }
      sum += lefts[q];
      count++;
    }
    xs.push(sum / count + h);
    ys.push(yb);
    return { x: xs, y: ys };
  }

  /** Does a run of this arm's pixels in column c leave the line at y downwards (a step)? */
  function ownDescends(c: number, y: number): boolean {
    let r = Math.min(y1 - 1, Math.floor(y + lineWidth / 2 + 1));
    const top = Math.max(y0, Math.floor(y - lineWidth / 2 - 1));
    while (r >= top && !own(c, r)) r--;
    if (r < top) return false;
    while (r < y1 && own(c, r)) r++;
    return r > y + lineWidth + 1;
  }

  /** Has column c any pixel of this arm within a line width of y? */
  function ownNear(c: number, y: number): boolean {
    const r0 = Math.max(y0, Math.floor(y - lineWidth));
    const r1 = Math.min(y1, Math.ceil(y + lineWidth));
    for (let r = r0; r < r1; r++) if (own(c, r)) return true;
    return false;
  }

  // The start: the topmost horizontal piece (of any arm: this one may be hidden under another)
  // among the first columns that have one; a legend key or text further left sits lower.
  let start = -1;
  let startY = NaN;
  let startOwn = false;
  let first = -1;
  const lead = Math.max(20, Math.round(0.02 * cols));
  for (let c = 0; c < cols && (first < 0 || c <= first + lead); c++) {
    const pieces = [
      ...mineAt(c).map((m) => ({ y: m.y, own: true })),
      ...theirsAt(c).map((t) => ({ y: t.y, own: false })),
    ];
    if (pieces.length === 0) continue;
    if (first < 0) first = c;
    for (const piece of pieces) {
      if (start < 0 || piece.y < startY - tolY || (Math.abs(piece.y - startY) <= tolY && piece.own && !startOwn && c === start)) {
        if (start < 0 || piece.y < startY - tolY) start = c;
        startY = piece.y;
        startOwn = piece.own;
      }
    }
  }
  if (start < 0) return null;

  const levels: Level[] = [{ anchor: startY, sum: startY, n: 1 }];
  const dropX: number[] = [];
  let lastSeen = startOwn ? start : -1;
  let tentative: { level: Level; x: number; seen: number }[] = [];
  let hiddenSeen = start;
  let isHidden = !startOwn;
  let columnsSeen = 0;
  let columnsCarried = 0;

  const current = () => levels[levels.length - 1];
  const observe = (level: Level, y: number) => {
    level.sum += y;
    level.n++;
  };

  for (let c = start; c < cols; c++) {
    const level = current();
    const mine = mineAt(c);
    const near = mine.find((m) => Math.abs(m.y - level.anchor) <= tolY);
    if (near) {
      isHidden = false;
      tentative = [];
      hiddenSeen = c;
      observe(level, near.y);
      lastSeen = c;
      columnsSeen++;
      continue;
    }
    let moved = false;
    // The deepest joined candidate first: a censor mark drawn across a step's vertical
    // segment has a horizontal bar between the two levels.
    for (const m of mine.slice().reverse()) {
      if (m.y <= level.anchor + tolY) continue;
      // The deepest tentative level at or above this candidate.
      let j = -1;
      for (let t = 0; t < tentative.length; t++) if (tentative[t].level.anchor <= m.y + tolY) j = t;
      const from = j >= 0 ? tentative[j].level : level;
      // Back a censor mark's width before the level was last seen: a mark's bar across a
      // steep stretch carries the level to the right of the vertical that leaves it.
      const fromSeen = (j >= 0 ? tentative[j].seen : lastSeen) - markReach;
      if (Math.abs(m.y - from.anchor) <= tolY) {
        confirm(j);
        observe(current(), m.y);
        moved = true;
        break;
      }
      const path = extends_(c, m.y, true) ? join(fromSeen, c, from.anchor, m.y) : null;
      if (path) {
        confirm(j);
        path.x.forEach((x, q) => {
          levels.push({ anchor: path.y[q], sum: path.y[q], n: 1 });
          dropX.push(x);
        });
        moved = true;
        break;
      }
    }
    if (moved) {
      isHidden = false;
      tentative = [];
      hiddenSeen = c;
      lastSeen = c;
      columnsSeen++;
      continue;
    }
    columnsCarried++;
    // Hidden: another arm is drawn over this one's level, and this arm has not set off down a
    // step of its own since it was last seen; then follow the other arm's path.
    const hidden = tentative.length ? tentative[tentative.length - 1].level : level;
    if (ownNear(c, hidden.anchor)) continue;
    if (!isHidden) {
      if (!other(c, Math.floor(hidden.anchor))) continue;
      let descends = false;
      for (let q = Math.max(0, lastSeen); q <= c && !descends; q++) descends = ownDescends(q, hidden.anchor);
      if (descends) continue;
      isHidden = true;
    }
    const theirs = theirsAt(c);
    const with_ = theirs.find((t) => Math.abs(t.y - hidden.anchor) <= tolY);
    if (with_) {
      hiddenSeen = c;
      if (tentative.length) observe(hidden, with_.y);
      continue;
    }
    for (const t of theirs) {
      if (t.y <= hidden.anchor + tolY) continue;
      const path = extends_(c, t.y, false) ? join(hiddenSeen, c, hidden.anchor, t.y) : null;
      if (path) {
        path.x.forEach((x, q) => tentative.push({ level: { anchor: path.y[q], sum: path.y[q], n: 1 }, x, seen: c }));
        hiddenSeen = c;
        break;
      }
    }
  }

  function confirm(j: number) {
    for (let t = 0; t <= j; t++) {
      levels.push(tentative[t].level);
      dropX.push(tentative[t].x);
    }
    tentative = [];
  }

  if (lastSeen < 0) return null;
  // A final vertical drop: a run from the last level downwards just after the last piece.
  const last = current();
  let lastY = last.sum / last.n;
  let endX = x0 + lastSeen + 1;
  let finalSum = 0;
  let finalN = 0;
  let finalBottom = 0;
  // (From a line width before the last piece: the drop's anti-aliased edge can leave pieces.)
  for (let c = Math.max(0, lastSeen - Math.ceil(lineWidth)); c < Math.min(cols, lastSeen + 1 + lineWidth + 2); c++) {
    let r = Math.floor(lastY);
    if (!own(c, r)) continue;
    let top = r;
    while (top > y0 && own(c, top - 1)) top--;
    while (r < y1 && own(c, r)) r++;
    if (top < lastY - lineWidth / 2 - 1.5 || r - lastY < lineWidth + 1) continue;
    finalSum += x0 + c + 0.5;
    finalN++;
    finalBottom = Math.max(finalBottom, r);
  }
  let endBar = false;
  if (finalN === 0 && dropX.length > 0) {
    // A curve that ends with a step through a censor mark: the last "level" is the mark's
    // bar (it reaches left of the step as far as right of it) and the step goes on below.
    const stepX = dropX[dropX.length - 1];
    const c = Math.floor(stepX) - x0;
    const r = Math.floor(lastY);
    const reachLeft = stepX - (lineWidth / 2 + 2) - x0;
    const barLeft = reachLeft >= 0 && own(Math.floor(reachLeft), r);
    if (barLeft && endX - stepX < markReach && c >= 0 && c < cols && own(c, r)) {
      let bottom = r;
      while (bottom < y1 && own(c, bottom)) bottom++;
      // Below the bar by no more than the bar's half-width: the mark's own arm (a + at the
      // foot of the step, as plotly draws it); further: the step goes on (as R draws it).
      const halfBar = endX - stepX;
      if (bottom - lastY > halfBar + lineWidth && bottom - lineWidth / 2 > lastY + tolY) {
        last.sum = bottom - lineWidth / 2;
        last.n = 1;
        endBar = true;
      }
      endX = stepX;
    }
  }
  if (finalN === 0 && !endBar) {
    // A curve that ends censored ends with a mark (+ or |) centred on its last time: end at
    // the mark's vertical arm (it reaches above the line) when one is that close to the end.
    let sum = 0;
    let count = 0;
    const afterStep = dropX.length ? Math.ceil(dropX[dropX.length - 1] - x0 + lineWidth) : 0;
    for (let c = lastSeen; c >= Math.max(0, afterStep, lastSeen - markReach); c--) {
      const r = Math.floor(lastY - lineWidth / 2 - 2);
      if (r >= y0 && own(c, r) && own(c, Math.floor(lastY))) {
        sum += x0 + c + 0.5;
        count++;
      } else if (count > 0) break;
    }
    if (count > 0) endX = sum / count;
  }
  const x: number[] = [x0 + start];
  const y: number[] = [levels[0].sum / levels[0].n];
  for (let i = 0; i < dropX.length; i++) {
    const above = levels[i].sum / levels[i].n;
    const below = levels[i + 1].sum / levels[i + 1].n;
    x.push(dropX[i], dropX[i]);
    y.push(above, below);
  }
  if (finalN > 0) {
    const fx = finalSum / finalN;
    // A censor mark (+) at the bottom of the drop: its bar is the last level, not its foot.
    let bottom = finalBottom - lineWidth / 2;
    let bar = -Infinity;
    for (let c = lastSeen + 1; c < Math.min(cols, lastSeen + 1 + markReach); c++) {
      for (const m of mineAt(c)) if (m.y > lastY + tolY && m.y < bottom && m.y > bar) bar = m.y;
    }
    if (bar > -Infinity) bottom = bar;
    x.push(fx, fx);
    y.push(lastY, bottom);
    endX = fx;
  } else if (!endBar) {
    x.push(endX);
    y.push(lastY);
  }
  return { x, y, lineWidth, columnsSeen, columnsCarried };
}

/**
 * The line's thickness: the run length n (1-20 px) that holds the most pixels (n times the
 * number of runs of length n: a dotted gridline drawn across a horizontal segment splits it
 * into many short runs, which this weighs down), refined to a fraction by its neighbours
 * n - 1 and n + 1 (anti-aliasing makes a 3.4 px line 3 or 4 px). 0 if the arm is absent.
 */
function commonRunLength(arm: Int8Array, rows: number, k: number): number {
  const histogram = new Array<number>(22).fill(0);
  let run = 0;
  for (let p = 0; p <= arm.length; p++) {
    if (p < arm.length && p % rows !== 0 && arm[p] === k) run++;
    else {
      if (run > 0 && run <= 20) histogram[run]++;
      run = p < arm.length && arm[p] === k ? 1 : 0;
    }
  }
  let best = 0;
  for (let n = 1; n <= 20; n++) if (n * histogram[n] > best * histogram[best]) best = n;
  if (best === 0) return 0;
  let sum = 0;
  let count = 0;
  for (let n = Math.max(1, best - 1); n <= best + 1; n++) {
    sum += n * histogram[n];
    count += histogram[n];
  }
  return sum / count;
}
