// The Shanghai district layout of 2025: the 2024 layout carried forward unchanged. We hold no
// published 2025 document, so nothing here is confirmed against one, like the carried 2025
// catalogues (catalogues/SOURCES.md); replace the differences once a 2025 document is transcribed.

import { SHANGHAI_2024 } from './shanghai-2024';
import type { Template } from './types';

export const SHANGHAI_2025: Template = {
  ...SHANGHAI_2024,
  id: 'shanghai-2025',
  fiscalYear: 2025,
  name: '上海市区级部门决算公开格式（2025 年度，沿用 2024 年度格式，尚未与 2025 年度公开文本核对）',
};
