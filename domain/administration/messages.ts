/**
 * What a county administrator reads: refusals of places, people, departments
 * and channels, and the names in the audit 管理操作记录. Simplified Chinese.
 */
import type { PasswordProblem } from './passwords.js';
import { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './passwords.js';
import type { PlaceLevel } from './division-codes.js';

export const PLACE_LEVEL_NAMES: Record<PlaceLevel, string> = {
  province: '省',
  city: '市',
  county: '县',
  town: '乡镇',
  village: '村',
  group: '村民小组',
};

/** What each level's official code looks like, for the refusal of one that does not. */
const LEVEL_CODE_SHAPES: Record<Exclude<PlaceLevel, 'group'>, string> = {
  province: '省级代码前2位不能全为0，后10位应为0',
  city: '市级代码第3至4位不能全为0，后8位应为0',
  county: '县级代码第5至6位不能全为0，后6位应为0',
  town: '乡镇代码第7至9位不能全为0，后3位应为0',
  village: '村级代码最后3位不能全为0',
};

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `密码至少${MIN_PASSWORD_LENGTH}位`,
  too_long: `密码不能超过${MAX_PASSWORD_LENGTH}位`,
  same_as_username: '密码不能包含用户名',
  one_kind: '密码须包含数字、字母、符号中的至少两种',
};

export const adminMessages = {
  codeShape: '区划代码应为12位数字（统计用区划代码）',
  codeLevel: (level: Exclude<PlaceLevel, 'group'>) => `该代码不是${PLACE_LEVEL_NAMES[level]}级区划代码：${LEVEL_CODE_SHAPES[level]}`,
  codeNotUnderParent: (parentName: string, prefix: string) => `区划代码应以上级“${parentName}”的代码 ${prefix} 开头`,
  parentLevel: (level: PlaceLevel, parentLevel: PlaceLevel) => `${PLACE_LEVEL_NAMES[level]}只能建在${PLACE_LEVEL_NAMES[parentLevel]}之下`,
  duplicateCode: (code: string, name: string) => `区划代码 ${code} 已被“${name}”使用，不能重复登记`,
  placeNotFound: '未找到该地区',
  parentNotFound: '未找到上级地区',
  outsideCounty: '该地区不在您管理的县内',
  placeRetired: (name: string) => `“${name}”已撤销，不能再在其下登记`,
  alreadyRetired: '该地区已撤销',
  countyNotRetired: '县不能在此撤销',
  hasChildren: (n: number) => `该地区下还有 ${n} 个未撤销的下级地区，请先撤销下级`,
  hasUsers: (n: number) => `该地区还有 ${n} 个启用的用户账号，请先停用或调整`,
  hasHouseholds: (n: number) => `该地区已有 ${n} 户农户档案，不能撤销（档案永久保留）`,
  groupsFull: '该村的村民小组编号已用完（最多999个）',
  sameName: '名称与原来相同，无需修改',
  profileUnknown: '所选政策模板不存在',
  countyExists: (name: string) => `该县已登记为“${name}”`,
  regionNameMismatch: (level: PlaceLevel, name: string) => `该代码所属的${PLACE_LEVEL_NAMES[level]}已登记为“${name}”，请核对`,
  usernameTaken: '该用户名已被使用，请换一个',
  userNotFound: '未找到该用户',
  userOutside: '该用户不在您管理的县内',
  roleNotCreatable: (role: string) => `县乡村振兴局不能创建“${role}”账号`,
  rolePlace: (role: string, levels: readonly PlaceLevel[]) => `“${role}”账号应设在${levels.map((l) => PLACE_LEVEL_NAMES[l]).join('或')}`,
  departmentRequired: '部门账号须选择所属部门',
  departmentNotWanted: '只有部门账号才选择所属部门',
  departmentNotFound: '未找到该部门',
  departmentCodeTaken: (code: string, name: string) => `部门代码 ${code} 已被“${name}”使用`,
  departmentCodeShape: '部门代码应为2至32位小写字母、数字或下划线，以字母开头（如 mz、rs）',
  notSelf: '不能停用自己的账号',
  alreadyInactive: '该账号已停用',
  alreadyActive: '该账号已启用',
  passwordReused: '新密码不能与当前密码相同',
  currentPasswordWrong: '当前密码不正确',
  accountDisabled: '该账号已停用，请联系县乡村振兴局',
  mustChangePassword: '首次登录或密码重置后须先修改密码',
  usernameShape: '用户名应为3至64位小写字母、数字、点、下划线或连字符，以字母或数字开头',
  webhookNotSet: '该部门尚未设置消息推送地址',
  webhookUrlShape: '推送地址应以 http:// 或 https:// 开头，且不含空格',
  webhookSecretShape: '签名密钥应为16至256个字符',
  webhookTestTitle: '【测试消息】守底系统消息推送测试',
  webhookTestBody: (department: string) => `这是发给${department}的测试消息。收到即表示推送地址设置正确，无需回复。`,
  webhookTestDelivered: (status: number) => `测试消息已送达（对方应答 ${status}）`,
  webhookTestRefused: (status: number) => `测试消息未送达：对方应答 ${status}`,
  webhookTestUnreachable: (reason: string) => `测试消息未送达：无法连接推送地址（${reason}）`,
  webhookTestTimedOut: (seconds: number) => `测试消息未送达：${seconds} 秒内没有应答`,
  noCountyAdmin: '尚未建立任何县',
} as const;

/** The audit's names for each administrative action. */
export const ADMIN_ACTION_NAMES: Record<string, string> = {
  'county.created': '新建县',
  'place.created': '新增地区',
  'place.renamed': '地区更名',
  'place.retired': '撤销地区',
  'user.created': '新建用户',
  'user.deactivated': '停用用户',
  'user.activated': '启用用户',
  'user.password_reset': '重置密码',
  'user.password_changed': '本人修改密码',
  'department.created': '新增部门',
  'channel.set': '设置消息推送',
  'channel.disabled': '停用消息推送',
  'channel.tested': '发送测试消息',
  'department.renamed': '部门更名',
  'department.retired': '撤销部门',
};
