/** The overdue board's and the dashboard's words for rows without a town or a department. */
export const supervisionMessages = {
  /** A register item of the county itself, placed in no town. */
  countyLevel: '县级事项',
  /** A register item given to no department (a village's or town's own work). */
  noDepartment: '未指定部门',
} as const;
