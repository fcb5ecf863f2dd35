// The error pages as the server renders them: Chinese, no message or stack of the error thrown,
// a retry and the way home; the global one is a whole document with its language.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import PublicError from '@/app/(public)/error';
import GlobalError from '@/app/global-error';

const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { digest: '1234567890' });
const retry = () => undefined;

describe('error pages', () => {
  it('global-error: its own <html lang="zh-CN">, a retry, nothing of the error', () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error, retry }));
    expect(html).toMatch(/^<html lang="zh-CN">/);
    expect(html).toContain('<h1>页面暂时无法显示</h1>');
    expect(html).toContain('<button type="button">重试</button>');
    expect(html).toContain('href="/"');
    expect(html).not.toMatch(/ECONNREFUSED|5432|Error|\bat /);
  });

  it('(public)/error: 页面暂时无法显示 in the main landmark, a retry and a link home, nothing of the error', () => {
    const html = renderToStaticMarkup(createElement(PublicError, { error, retry }));
    expect(html).toContain('<main id="main"');
    expect(html).toContain('<h1>页面暂时无法显示</h1>');
    expect(html).toContain('请稍后再试');
    expect(html).toMatch(/<button[^>]*>重试<\/button>/);
    expect(html).toMatch(/<a href="\/">返回首页<\/a>/);
    expect(html).not.toMatch(/ECONNREFUSED|5432|Error|\bat /);
  });
});
