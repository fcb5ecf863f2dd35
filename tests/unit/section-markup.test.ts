// What the section editors render for a screen reader, on the seed's projects (server-rendered
// markup, no browser): a folded project names no element it does not render, and the computed
// scores beside an indicator are not live regions announcing themselves on every keystroke.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProjectEditor } from '@/app/(entry)/entry/[id]/_components/sections/project-editor';
import { SelfEvaluationEditor } from '@/app/(entry)/entry/[id]/_components/sections/self-evaluation-editor';
import { loadSeed } from './seed-document';

const seed = loadSeed();
const project = seed.performance.projects[1]!;
const noop = () => undefined;
const idsIn = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
const controlled = (html: string) => [...html.matchAll(/aria-controls="([^"]+)"/g)].map((m) => m[1]);

describe('a project of 项目支出绩效自评', () => {
  it('folded, says it is collapsed and controls nothing it has not rendered', () => {
    const html = renderToStaticMarkup(createElement(ProjectEditor, { project, index: 1, onChange: noop, onRemove: noop }));
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain('project-body');
    const ids = idsIn(html);
    expect(controlled(html).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('opened (a new project without a name), controls its rendered body', () => {
    const html = renderToStaticMarkup(createElement(ProjectEditor, { project: { ...project, name: '' }, index: 1, onChange: noop, onRemove: noop }));
    expect(html).toContain('aria-expanded="true"');
    const ids = idsIn(html);
    expect(controlled(html)).toHaveLength(1);
    expect(controlled(html).every((id) => ids.has(id))).toBe(true);
  });
});

describe('a self-evaluation table', () => {
  it('shows each computed score with no live region of its own', () => {
    const evaluation = seed.performance.departmentWide!;
    const html = renderToStaticMarkup(createElement(SelfEvaluationEditor, { evaluation, path: 'performance.departmentWide', departmentWide: true, onChange: noop }));
    const indicators = evaluation.goals.flatMap((g) => g.indicators).length;
    expect((html.match(/class="score-check /g) ?? []).length).toBeGreaterThanOrEqual(indicators);
    expect(html).not.toMatch(/role="status"|aria-live/);
  });
});
