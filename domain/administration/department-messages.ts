/** What the county bureau reads when it renames or retires a department (Simplified Chinese, in a clerk's words). */
export const departmentMessages = {
  retired: (name: string) => `“${name}”已撤销，不能再修改`,
  sameName: '新名称与现名称相同',
  nameTaken: (name: string) => `本县已有名为“${name}”的部门`,
  stillReferred: (name: string, what: readonly string[]) => `“${name}”还有${what.join('、')}，请先处理完毕再撤销`,
  activeUsers: (n: number) => `${n} 个在用账号（请先停用或调整）`,
  openTasks: (n: number) => `${n} 件未办结的帮扶任务`,
  openItems: (n: number) => `${n} 项未办结的工作事项`,
  leadsMeasures: (name: string, version: number, measures: readonly string[]) =>
    `“${name}”仍是本县政策第${version}版帮扶措施目录中“${measures.join('”“')}”的牵头单位，请先发布改由其他部门牵头的政策版本再撤销`,
} as const;
