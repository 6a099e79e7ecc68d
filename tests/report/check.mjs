// The report in a real browser: Debian's chromium, driven by puppeteer (the
// one pa11y brings; never a browser of its own).  For each report given:
//   axe        axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation
//   pa11y      pa11y's HTML_CodeSniffer runner, WCAG2AA: no error
//   phone      at a 320 px wide viewport nothing scrolls sideways
//   charts     every chart's text lies inside its chart, and no two overlap
//   details    every <details> is open, its content shown, on screen and in print
//   print      printed to an A4 PDF (Chromium's print-to-pdf), no page ends
//              with a heading (pdftotext, page by page); table heads are
//              repeated (thead displayed as table-header-group in print: a
//              CSS check, Chromium repeats such heads on each page)
// Usage: node check.mjs NODE_MODULES WORKDIR REPORT.html...
// Prints one line per check and report; exits 1 if any failed.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, work, ...reports] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'index.js'));
const puppeteer = require('puppeteer');
const pa11y = require('pa11y');
const axePath = require.resolve('axe-core/axe.min.js');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let failures = 0;

function report(name, file, problems) {
	const where = path.basename(file);
	if (problems.length === 0) {
		console.log(`ok: ${name}: ${where}`);
		return;
	}
	failures++;
	console.log(`FAIL: ${name}: ${where}`);
	for (const p of problems.slice(0, 20))
		console.log(`    ${p}`);
}

async function checkAxe(page, file) {
	await page.addScriptTag({ path: axePath });
	const result = await page.evaluate(async (tags) => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { runOnly: { type: 'tag', values: tags },
						    resultTypes: ['violations'] });
		return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ` +
			v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
	}, WCAG_TAGS);
	report('axe-core WCAG A/AA', file, result);
}

async function checkPa11y(browser, file) {
	const page = await browser.newPage();
	const result = await pa11y(pathToFileURL(file).href, {
		browser, page, standard: 'WCAG2AA', runners: ['htmlcs'],
		includeNotices: false, includeWarnings: false, timeout: 120000,
	});
	await page.close();
	report('pa11y WCAG2AA', file, result.issues.filter((i) => i.type === 'error')
		.map((i) => `${i.code}: ${i.message} at ${i.selector}`));
}

async function checkPhone(page, file) {
	await page.setViewport({ width: 320, height: 640 });
	await page.reload({ waitUntil: 'load' });
	const widths = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth,
	}));
	report('320 px: no sideways scroll', file, widths.scroll > widths.client
		? [`scrollWidth ${widths.scroll} > clientWidth ${widths.client}`] : []);
	await page.setViewport({ width: 1024, height: 768 });
}

async function checkCharts(page, file) {
	const problems = await page.evaluate(() => {
		const out = [];
		document.querySelectorAll('svg[role="img"]').forEach((svg, n) => {
			const vb = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.viewBox.baseVal
				: { width: svg.width.baseVal.value, height: svg.height.baseVal.value };
			const boxes = [...svg.querySelectorAll('text')].map((t) => ({ t, b: t.getBBox() }));
			for (const { t, b } of boxes) {
				if (b.x < 0 || b.y < 0 || b.x + b.width > vb.width || b.y + b.height > vb.height)
					out.push(`chart ${n + 1}: "${t.textContent}" cut off`);
			}
			for (let i = 0; i < boxes.length; i++)
				for (let j = i + 1; j < boxes.length; j++) {
					const a = boxes[i].b, b = boxes[j].b;
					if (a.x < b.x + b.width && b.x < a.x + a.width &&
					    a.y < b.y + b.height && b.y < a.y + a.height)
						out.push(`chart ${n + 1}: "${boxes[i].t.textContent}" overlaps ` +
							 `"${boxes[j].t.textContent}"`);
				}
		});
		return out;
	});
	report('chart labels inside, not overlapping', file, problems);
}

async function checkDetails(page, file, media) {
	await page.emulateMediaType(media);
	const problems = await page.evaluate(() => [...document.querySelectorAll('details')]
		.filter((d) => !d.open || [...d.querySelectorAll('dd')].some((dd) => dd.offsetHeight === 0))
		.map((d) => `not open: ${d.querySelector('summary').textContent}`));
	report(`details open (${media})`, file, problems);
}

// The headings' texts, and what pdftotext makes of each printed page.
async function checkPrint(page, file) {
	await page.emulateMediaType('print');
	const heads = await page.evaluate(() => ({
		headings: [...document.querySelectorAll('h1, h2, h3, h4')]
			.map((h) => h.textContent.replace(/\s+/g, ' ').trim()),
		theads: [...document.querySelectorAll('thead')]
			.filter((t) => getComputedStyle(t).display !== 'table-header-group').length,
	}));
	const pdf = path.join(work, path.basename(file, '.html') + '.pdf');
	await page.pdf({ path: pdf, format: 'A4', printBackground: true });
	const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
		.split('\f').filter((p) => p.trim());
	const problems = [];
	pages.slice(0, -1).forEach((text, n) => {
		const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
		const last = lines[lines.length - 1];
		if (heads.headings.some((h) => h === last || (last.length > 12 && h.endsWith(last))))
			problems.push(`page ${n + 1} ends with the heading "${last}"`);
	});
	if (heads.theads)
		problems.push(`${heads.theads} table heads not repeated in print`);
	report(`A4 print: ${pages.length} pages, no heading parted from what follows`, file,
	       problems);
	await page.emulateMediaType('screen');
}

const profile = mkdtempSync(path.join(work, 'chromium-'));
const browser = await puppeteer.launch({
	executablePath: process.env.TRI_CHROMIUM || '/usr/bin/chromium',
	userDataDir: profile,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	       '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
	for (const file of reports) {
		const page = await browser.newPage();
		await page.setJavaScriptEnabled(true); // for the checks only: the page has no script
		await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
		await checkPhone(page, file);
		await checkCharts(page, file);
		await checkDetails(page, file, 'screen');
		await checkDetails(page, file, 'print');
		await checkPrint(page, file);
		await checkAxe(page, file);
		await page.close();
		await checkPa11y(browser, file);
	}
} finally {
	await browser.close();
	rmSync(profile, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
