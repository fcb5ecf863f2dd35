export function pathOfKey(key: string): string;
export function isScriptFreePage(key: string): boolean;
export function stripScripts(html: string): string;
export function isPublicPage(key: string): boolean;
