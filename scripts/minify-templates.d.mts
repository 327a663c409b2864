import type { Plugin } from 'vite';

export function minifyCss(text: string, ends?: { first?: boolean; last?: boolean }): string;
export function minifyHtml(pieces: string[]): string[];
export function minifyTemplateLiterals(code: string, id: string): { code: string; map: { version: number; sources: string[]; names: string[]; mappings: string } } | null;
export function minifyTemplates(): Plugin;
