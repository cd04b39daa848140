/**
 * Documents 佐证材料 a department uploads as evidence for a task it completes:
 * which files are taken (PDF, JPEG, PNG, told by their first bytes, not by the
 * name a phone gave them) and how large (10 MB, a scanned approval form or a
 * phone photo). The same rule runs in the browser before the upload starts.
 */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** How a completion's evidence names an uploaded document: `document:<id>`. */
export const DOCUMENT_REFERENCE_PREFIX = 'document:';
export const documentReference = (id: string) => `${DOCUMENT_REFERENCE_PREFIX}${id}`;
const REFERENCE = /^document:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export const documentIdOf = (reference: string | undefined): string | undefined => (reference ? REFERENCE.exec(reference)?.[1] : undefined);

/** The file's type from its first bytes, or undefined when it is none of the three. */
export function sniffDocumentType(head: Uint8Array): DocumentType | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return undefined;
}

/** The type a browser can tell from the name, before reading a byte (the server checks the bytes). */
export function documentTypeOfName(name: string): DocumentType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'application/pdf';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  return undefined;
}

/** Sizes as a clerk reads them: 12 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const documentMessages = {
  wrongType: '只能上传 PDF、JPG 或 PNG 格式的文件（扫描件或照片），请转换格式后重新上传',
  tooLarge: (max: string) => `文件超过 ${max}，请压缩或分成几份后重新上传`,
  empty: '文件是空的，请重新选择',
  missingFile: '请选择要上传的文件',
  notFound: '未找到该佐证材料',
  notOfTask: '所附材料不是为该任务上传的，请重新上传',
  defaultName: (extension: string) => `佐证材料.${extension}`,
} as const;

/** How a department's inbox is filtered and sorted; a saved view 保存的筛选 keeps one under a name. */
export const VIEW_STATUSES = ['open', 'overdue', 'completed', 'handed_back', 'all'] as const;
export const VIEW_SORTS = ['due_asc', 'due_desc'] as const;
export const VIEW_MAX_PER_USER = 30;

export const viewMessages = {
  nameRequired: '请填写筛选名称（不超过40个字）',
  nameTaken: (name: string) => `已有名为“${name}”的筛选，请换一个名称`,
  tooMany: (max: number) => `最多保存 ${max} 个筛选，请先删除不用的`,
  notFound: '未找到该筛选，可能已被删除',
  sortNames: { due_asc: '最后办理日从近到远', due_desc: '最后办理日从远到近' },
} as const;

export const bulkMessages = {
  keysRequired: '请至少选择一项任务',
  tooMany: (max: number) => `一次最多接收 ${max} 项任务`,
} as const;
