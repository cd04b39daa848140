/** What the plan's editing says: the lead department, a measure added from the catalogue, the reasons. */
export const editTexts = {
  leadDepartment: (name: string) => `${name}的牵头部门`,
  reasonLabel: (change: string, name: string) => `${change}“${name}”的理由`,
  reasonPlaceholder: '写明调整的理由，记入一户一档',
  addTitle: '从措施目录增加措施',
  addPick: '措施目录',
  addPlaceholder: '选择县里措施目录中的措施',
  add: '增加',
  added: '增加的措施',
  removeAdded: (name: string) => `移除增加的${name}`,
  remove: '移除',
  changesTitle: (n: number) => `调整了 ${n} 项（每项须写明理由）`,
  noCatalogue: '未能读取县里的措施目录，暂不能增加措施',
} as const;
