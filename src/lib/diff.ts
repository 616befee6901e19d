/**
 * A word-level diff, for showing a translator what changed in an original text since the
 * revision their translation was made from (issue 16). Words and the spaces between them are
 * the units, so a changed word is shown as one word removed and one added, and the spaces
 * stay where they were. Myers' O(ND) algorithm ("An O(ND) Difference Algorithm and Its
 * Variations", 1986): fast when the texts are alike, which is the case here.
 */

export type DiffPart = { op: 'equal' | 'insert' | 'delete'; text: string };

/** Words and runs of whitespace, in order; joined, they give the text back. */
export function words(text: string): string[] {
	return text.split(/(\s+)/u).filter((token) => token !== '');
}

/** The parts that turn `before` into `after`, word by word; adjacent parts of one kind merged. */
export function diffWords(before: string, after: string): DiffPart[] {
	const a = words(before);
	const b = words(after);
	// The common start and end need no search.
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let end = 0;
	while (
		end < a.length - start &&
		end < b.length - start &&
		a[a.length - 1 - end] === b[b.length - 1 - end]
	) {
		end++;
	}
	const parts: DiffPart[] = [];
	push(parts, 'equal', a.slice(0, start));
	for (const part of myers(a.slice(start, a.length - end), b.slice(start, b.length - end))) {
		push(parts, part.op, [part.text]);
	}
	push(parts, 'equal', a.slice(a.length - end));
	return parts;
}

/** Whether a diff changes anything. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
	return parts.some((part) => part.op !== 'equal');
}

function push(parts: DiffPart[], op: DiffPart['op'], tokens: readonly string[]) {
	if (tokens.length === 0) return;
	const text = tokens.join('');
	const last = parts.at(-1);
	if (last && last.op === op) last.text += text;
	else parts.push({ op, text });
}

/** Token by token: the shortest edit script, deletions before insertions at each change. */
function myers(a: readonly string[], b: readonly string[]): DiffPart[] {
	const n = a.length;
	const m = b.length;
	if (n === 0) return b.map((text) => ({ op: 'insert', text }));
	if (m === 0) return a.map((text) => ({ op: 'delete', text }));
	const max = n + m;
	const offset = max;
	let v = new Int32Array(2 * max + 2);
	const trace: Int32Array[] = [];
	let found = false;
	for (let d = 0; d <= max && !found; d++) {
		trace.push(v.slice());
		const next = v;
		for (let k = -d; k <= d; k += 2) {
			let x =
				k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
					? v[offset + k + 1]!
					: v[offset + k - 1]! + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
			}
			next[offset + k] = x;
			if (x >= n && y >= m) {
				found = true;
				break;
			}
		}
		v = next;
	}
	// Walk back through the saved frontiers.
	const script: DiffPart[] = [];
	let x = n;
	let y = m;
	for (let d = trace.length - 1; d >= 0; d--) {
		const frontier = trace[d]!;
		const k = x - y;
		const prevK =
			k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!)
				? k + 1
				: k - 1;
		const prevX = d === 0 ? 0 : frontier[offset + prevK]!;
		const prevY = prevX - prevK;
		while (x > prevX && y > prevY) {
			script.push({ op: 'equal', text: a[x - 1]! });
			x--;
			y--;
		}
		if (d === 0) break;
		if (x === prevX) script.push({ op: 'insert', text: b[y - 1]! });
		else script.push({ op: 'delete', text: a[x - 1]! });
		x = prevX;
		y = prevY;
	}
	return script.reverse();
}
