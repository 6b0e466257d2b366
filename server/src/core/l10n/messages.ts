/**
 * Messages the server and the CLI show to people, in English and 简体中文.
 * The locale comes from the client (`initializationOptions.locale` or the
 * LSP `locale` field) or, for the CLI, from the environment.
 */
export type Locale = 'en' | 'zh-cn';

const MESSAGES = {
  tooLarge: {
    en: (name: string, size: string, limit: string) => `Report Lens skipped ${name}: it is ${size}, larger than reportLens.maxFileSize (${limit}).`,
    'zh-cn': (name: string, size: string, limit: string) => `Report Lens 未分析 ${name}：文件大小 ${size}，超过 reportLens.maxFileSize（${limit}）。`,
  },
} as const;

export type MessageId = keyof typeof MESSAGES;

export function toLocale(tag: string | undefined | null): Locale {
  const lower = (tag ?? '').toLowerCase();
  return lower.startsWith('zh') ? 'zh-cn' : 'en';
}

export function messages(locale: Locale): { [K in MessageId]: (typeof MESSAGES)[K]['en'] } {
  const out = {} as { [K in MessageId]: (typeof MESSAGES)[K]['en'] };
  for (const id of Object.keys(MESSAGES) as MessageId[]) out[id] = MESSAGES[id][locale];
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  return `${bytes} B`;
}
