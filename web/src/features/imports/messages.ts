/** The import and export screen's words (the import's own come from the server's catalogue, domain/imports). */
export const importTexts = {
  menu: '导入导出',
  title: '存量数据导入',
  intro: '上传全国系统导出的或村里整理的表格（.xlsx 或 .csv）：每一行都会检查，没有问题的户整户导入，有问题的行全部列入错误报告，可下载修改后再次导入（已导入的不会重复）。',
  template: '下载导入模板',
  choose: '选择文件并上传',
  uploading: '正在上传并读取文件…',
  jobs: '导入记录',
  noJobs: '还没有导入记录',
  file: '文件',
  status: '状态',
  progress: '进度',
  counts: (read: number, imported: number, rejected: number) => `读取 ${read} 行：导入 ${imported} 行，未导入 ${rejected} 行`,
  households: (imported: number, total: number, started: number) => `导入 ${imported} / ${total} 户，已开启监测流程 ${started} 户`,
  errors: '下载错误报告',
  uploadedAt: '上传时间',
  exportTitle: '台账导出',
} as const;
