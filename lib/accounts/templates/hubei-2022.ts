// The Hubei (Wuhan district) layout of 2022: the 2021 layout carried forward unchanged. We hold no
// published 2022 document, so nothing here is confirmed against one, like the carried 2022
// catalogues (catalogues/SOURCES.md); replace the differences once a 2022 document is transcribed.

import { HUBEI_2021 } from './hubei-2021';
import type { Template } from './types';

export const HUBEI_2022: Template = {
  ...HUBEI_2021,
  id: 'hubei-2022',
  fiscalYear: 2022,
  name: '湖北省武汉市区级部门决算公开格式（2022 年度，沿用 2021 年度格式，尚未与 2022 年度公开文本核对）',
};
