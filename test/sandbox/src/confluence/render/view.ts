// A rough `view` rendering of storage (what `body-format=view` returns): macros become divs,
// code bodies `<pre>`, mentions and page links anchors; the rest of the `ac:`/`ri:` markup goes.
import { escapeXml } from '../storage.js';

export function storageToView(storage: string): string {
  return storage
    .replace(
      /<ac:plain-text-body><!\[CDATA\[([\s\S]*?)\]\]><\/ac:plain-text-body>/g,
      (_m, code: string) => `<pre>${escapeXml(code)}</pre>`,
    )
    .replace(/<ac:parameter\b[^>]*>[\s\S]*?<\/ac:parameter>/g, '')
    .replace(
      /<ac:structured-macro\b[^>]*ac:name="([^"]+)"[^>]*\/>/g,
      '<div class="confluence-macro" data-macro-name="$1"></div>',
    )
    .replace(
      /<ac:structured-macro\b[^>]*ac:name="([^"]+)"[^>]*>/g,
      '<div class="confluence-macro" data-macro-name="$1">',
    )
    .replace(/<\/ac:structured-macro>/g, '</div>')
    .replace(
      /<ac:link\b[^>]*><ri:user ri:account-id="([^"]+)"\s*\/><\/ac:link>/g,
      '<a class="confluence-userlink user-mention" data-account-id="$1" href="/wiki/people/$1">@$1</a>',
    )
    .replace(/<ac:link\b[^>]*><ri:page\b[^>]*ri:content-title="([^"]+)"[^>]*\/><\/ac:link>/g, '<a href="#">$1</a>')
    .replace(/<ac:emoticon\b[^>]*ac:name="([^"]+)"[^>]*\/>/g, '<img class="emoticon emoticon-$1" alt="($1)" />')
    .replace(/<time datetime="([^"]+)"\s*\/>/g, '<time datetime="$1">$1</time>')
    .replace(/<ac:inline-comment-marker ac:ref="([^"]+)">/g, '<span class="inline-comment-marker" data-ref="$1">')
    .replace(/<\/ac:inline-comment-marker>/g, '</span>')
    .replace(/<\/?(ac|ri):[^>]*>/g, '');
}
