import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
const html = `<!doctype html><html lang="ko"><head><title>T</title><meta property="og:title" content="OG"></head><body><nav>Home | About</nav><article><h1>Head</h1><p>첫 문단입니다. ${'가나다 '.repeat(40)}</p><p>Second para ${'word '.repeat(60)}</p></article><footer>Copyright</footer></body></html>`;
const { document } = parseHTML(html);
console.log(document.documentElement.getAttribute('lang'), document.querySelector('meta[property="og:title"]')?.getAttribute('content'));
const r = new Readability(document as any).parse();
console.log(JSON.stringify(r, null, 1).slice(0, 1500));
