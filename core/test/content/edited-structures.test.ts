import { RichText, type AdfDoc, type AdfNode } from '../../src/content/index.js';
import { readCorpus } from './corpus.js';

const rt: RichText = new RichText();

// Issue 13, items 3 and 4: a block the model edits keeps its structure and ids. The fixtures are
// shaped like real Confluence storage and Jira ADF (core/test/fixtures/content/*/28-, 44-).
describe('edited storage blocks keep their structure', () => {
  const page = readCorpus('storage', '28-edited-structures.xhtml').trim();
  const markdown = rt.storageToMarkdown(page);
  const edit = (from: string, to: string) => rt.markdownToStorage(markdown.replace(from, to), { base: page });

  test('a ui-tab stays a ui-tab with its title', () => {
    const out = edit('with the package manager', 'with apt or dnf');
    expect(out).toContain(
      '<ac:structured-macro ac:name="ui-tab" ac:schema-version="1" ac:macro-id="7b2f1e0a-1c3d-4e5f-8a9b-0c1d2e3f4a52"><ac:parameter ac:name="title">Linux</ac:parameter><ac:rich-text-body><p>Install the agent with apt or dnf.</p>',
    );
    expect(out).not.toContain('ac:name="code"');
  });

  test('legacy section and column macros keep their widths', () => {
    const out = edit('Sidebar lists the owners.', 'Sidebar lists the owners and deputies.');
    expect(out).toContain(
      '<ac:parameter ac:name="width">30%</ac:parameter><ac:rich-text-body><p>Sidebar lists the owners and deputies.</p>',
    );
    expect(out).toContain('<ac:parameter ac:name="border">true</ac:parameter>');
  });

  test('a layout keeps its breakout mode and width', () => {
    expect(edit('staging rollouts', 'staging and canary rollouts')).toContain(
      '<ac:layout-section ac:type="two_equal" ac:breakout-mode="wide" ac:breakout-width="1800"><ac:layout-cell><p>Left column covers staging and canary rollouts.</p>',
    );
  });

  test('an edited task keeps its id and uuid; the list keeps its local-id; nothing is renumbered', () => {
    const out = edit('- [ ] Announce the maintenance window', '- [x] Announce the maintenance window early');
    expect(out).toContain('<ac:task-list local-id="3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e00">');
    expect(out).toContain(
      '<ac:task><ac:task-id>18</ac:task-id><ac:task-uuid>0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c42</ac:task-uuid><ac:task-status>complete</ac:task-status><ac:task-body>Announce the maintenance window early</ac:task-body></ac:task>',
    );
    expect(out).toContain(
      '<ac:task-id>19</ac:task-id><ac:task-uuid>0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c43</ac:task-uuid>',
    );
  });

  test('text-align and margin-left read as ⟦align⟧/⟦indent⟧, survive an edit, and can be changed', () => {
    expect(markdown).toContain('⟦align center⟧ Applies to the payments platform');
    expect(markdown).toContain('⟦indent 1⟧ Indented note');
    expect(edit('all regions', 'every region')).toContain(
      '<p style="text-align: center;">Applies to the payments platform, every region.</p>',
    );
    expect(edit('⟦align center⟧ Applies', '⟦align end⟧ Applies')).toContain('<p style="text-align: right;">Applies');
    expect(edit('⟦indent 1⟧ Indented', 'Indented')).toContain('<p>Indented note');
  });

  test('inline-comment markers around emphasis and code survive an edit of their paragraph', () => {
    const out = edit('during review', 'during the review');
    expect(out).toContain(
      '<ac:inline-comment-marker ac:ref="1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a61"><strong>rollback timing</strong></ac:inline-comment-marker>',
    );
    expect(out).toContain(
      '<ac:inline-comment-marker ac:ref="1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a62"><code>deploy.sh</code></ac:inline-comment-marker> during the review.',
    );
  });

  test('a <pre> stays a <pre>', () => {
    expect(edit('--selector app=payments', '--selector app=payments -o wide')).toContain(
      '<pre>kubectl rollout status deployment/payments\nkubectl get pods --selector app=payments -o wide</pre>',
    );
  });

  test('an untitled expand gains no title parameter', () => {
    const out = edit('Troubleshooting hints live here.', 'Troubleshooting hints moved here.');
    expect(out).toContain(
      '<ac:structured-macro ac:name="expand" ac:schema-version="1" ac:macro-id="9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b61"><ac:rich-text-body><p>Troubleshooting hints moved here.</p>',
    );
  });
});

describe('edited ADF blocks keep their structure and ids', () => {
  const doc = JSON.parse(readCorpus('adf', '44-edited-structures.json')) as AdfDoc;
  const markdown = rt.adfToMarkdown(doc);
  const edit = (from: string, to: string) => {
    expect(markdown).toContain(from);
    return rt.markdownToAdf(markdown.replace(from, to), { base: doc });
  };
  const find = (d: AdfDoc, type: string) => d.content.find((b) => b.type === type)!;

  test('editing a table cell that holds a list keeps the list (and the other blocks of the cell)', () => {
    const out = edit('• drain queues', '• drain all queues');
    const cell = find(out, 'table').content![1]!.content![1]!;
    const original = find(doc, 'table').content![1]!.content![1]!;
    expect(cell.content).toEqual([
      original.content![0],
      {
        ...original.content![1],
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'drain all queues' }] }] },
          original.content![1]!.content![1],
        ],
      },
      original.content![2],
    ]);
    expect(find(out, 'table').attrs).toEqual({ isNumberColumnEnabled: false, layout: 'default', localId: 'tb-44' });
  });

  test('adding a list item to a cell makes it part of the list', () => {
    const out = edit('• snapshot ledger<br>', '• snapshot ledger<br>• page the on-call<br>');
    const list = find(out, 'table').content![1]!.content![1]!.content![1]!;
    expect(list.type).toBe('bulletList');
    expect(list.content).toHaveLength(3);
  });

  test('editing a task keeps its localId, and the localIds of the tasks after it', () => {
    const out = edit('- [ ] Rotate credentials', '- [x] Rotate all credentials');
    expect(find(out, 'taskList')).toEqual({
      type: 'taskList',
      attrs: { localId: 'tl-44' },
      content: [
        find(doc, 'taskList').content![0],
        {
          type: 'taskItem',
          attrs: { localId: 'ti-44-2', state: 'DONE' },
          content: [{ type: 'text', text: 'Rotate all credentials' }],
        },
        find(doc, 'taskList').content![2],
      ],
    });
  });

  test('editing a decision keeps its localId', () => {
    const out = edit('Cut over on Tuesday', 'Cut over on Wednesday');
    expect(find(out, 'decisionList').attrs).toEqual({ localId: 'dl-44' });
    expect(find(out, 'decisionList').content!.map((d) => d.attrs?.localId)).toEqual(['di-44-1', 'di-44-2']);
  });

  test('an inline-comment annotation on inline code survives an edit of its paragraph', () => {
    const out = edit('in the client.', 'in the HTTP client.');
    const paragraph = out.content.find((b) => JSON.stringify(b).includes('retryBudget'))!;
    const original = doc.content.find((b) => JSON.stringify(b).includes('retryBudget'))!;
    expect(paragraph.content![1]!.text).toBe('retryBudget');
    expect(new Set(paragraph.content![1]!.marks)).toEqual(new Set(original.content![1]!.marks));
    expect(paragraph.content![1]!.marks).toContainEqual(expect.objectContaining({ type: 'annotation' }));
  });

  test('editing inside a synced block holding a block task validates and keeps the block task', () => {
    const out = edit('- [ ] Confirm runbook owners', '- [x] Confirm runbook owners and deputies');
    const task = find(out, 'bodiedSyncBlock').content![1]!.content![0]!;
    expect(task).toEqual({
      type: 'blockTaskItem',
      attrs: { localId: 'bt-44-1', state: 'DONE' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Confirm runbook owners and deputies' }] }],
    });
  });

  test('a custom panel without icon or colour can be edited, and created', () => {
    const out = edit('keeps its shape.', 'keeps its shape when edited.');
    expect(find(out, 'panel').attrs).toEqual({ panelType: 'custom' });
    expect(rt.markdownToAdf('⟦panel custom⟧\n\nHi\n\n⟦/panel⟧').content[0]!.attrs).toEqual({ panelType: 'custom' });
  });

  test('an expand with an empty title keeps it', () => {
    const out = edit('whose title was cleared', 'whose title is empty');
    expect(find(out, 'expand').attrs).toEqual({ title: '' });
  });

  test('hex colours keep their case', () => {
    const out = edit('stays as written', 'stays exactly as written');
    const colour = (d: AdfDoc) => JSON.stringify(d.content[d.content.length - 1]).match(/#[0-9A-Fa-f]{6}/)?.[0];
    expect(colour(out)).toBe('#0052CC');
    const fresh = rt.markdownToAdf('⟦color #FF5630⟧Red⟦/color⟧').content[0]!.content![0] as AdfNode;
    expect(fresh.marks).toEqual([{ type: 'textColor', attrs: { color: '#FF5630' } }]);
  });
});
