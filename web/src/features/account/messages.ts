/** The account page's words beyond the password: logging out on every device. */
export const accountTexts = {
  everywhereTitle: '登录设备',
  everywhereHint: '如在他人电脑或手机上登录后未退出，或怀疑密码已泄露，可在所有设备上退出登录（含本机），然后重新登录。',
  everywhere: '在所有设备上退出登录',
  everywhereConfirm: '确定在所有设备上退出登录吗？本机也将退出。',
  confirm: '确定退出',
  cancel: '取消',
} as const;
