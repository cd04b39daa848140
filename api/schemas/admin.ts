import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import { adminMessages as m } from '../../domain/administration/messages.js';
import { jurisdictionId, optionalText, page, text, uuid } from './common.js';

const divisionCode = z.string().trim().regex(/^[0-9]{12}$/, m.codeShape);
const password = z.string().min(1).max(256);
const username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, m.usernameShape);

/** A new county: its code and name, the province and city it is in, the shipped profile it starts from, its first bureau user. */
export const createCountyBody = z.object({
  divisionCode,
  countyName: text(60),
  cityName: text(60),
  provinceName: text(60),
  profileId: z.string().trim().regex(/^[a-z][a-z0-9-]{1,63}$/, m.profileUnknown),
  bureauUsername: username,
  bureauDisplayName: text(60),
  bureauPassword: password,
});

/** A town or village (by its official code) or a village group (numbered by the system) under `parentId`. */
export const createPlaceBody = z.object({
  parentId: jurisdictionId,
  level: z.enum(['town', 'village', 'group']),
  divisionCode: divisionCode.optional(),
  placeName: text(60),
});
export const renamePlaceBody = z.object({ placeName: text(60) });
export const placeParams = z.object({ id: jurisdictionId });

export const placeNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.string(),
  name: z.string(),
  /** The official 12-digit code; null for a village group, which has none. */
  divisionCode: z.string().nullable(),
  retired: z.boolean(),
});
export const placeTree = z.object({ rootId: z.string(), places: z.array(placeNode) });
export const placeTreeQuery = z.object({ all: z.enum(['0', '1']).default('0') });

export const createUserBody = z.object({
  username,
  displayName: text(60),
  role: z.enum(ROLES),
  jurisdictionId,
  departmentId: uuid.optional(),
  password,
});
export const userParams = z.object({ id: uuid });
export const resetPasswordBody = z.object({ password });
export const changePasswordBody = z.object({ currentPassword: password, newPassword: password });

export const accountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jurisdictionId: z.string().nullable(),
  departmentId: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
});

export const createDepartmentBody = z.object({
  departmentCode: z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/, m.departmentCodeShape),
  departmentName: text(60),
});
export const departmentParams = z.object({ id: uuid });
export const webhookBody = z.object({
  url: z.string().trim().max(2048).regex(/^https?:\/\/[^/?#\s]+([/?#]\S*)?$/i, m.webhookUrlShape),
  secret: optionalText(256).refine((s) => s === undefined || s === '' || (s.length >= 16 && s.length <= 256), m.webhookSecretShape),
});
export const departmentView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  webhookUrl: z.string().nullable(),
  webhookSigned: z.boolean(),
  /** When the county retired it; null while it works. */
  retiredAt: z.string().nullable(),
});
export const renameDepartmentBody = z.object({ departmentName: text(60) });
export const webhookTestAnswer = z.object({ delivered: z.boolean(), status: z.number().nullable(), message: z.string() });

export const profileTemplate = z.object({ id: z.string(), countyName: z.string(), version: z.number(), effectiveFrom: z.string() });
export const countyView = z.object({ id: z.string(), name: z.string(), divisionCode: z.string(), profileId: z.string().nullable() });

export const adminChangesQuery = z.object(page);
export const adminChange = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actionName: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  by: z.object({ username: z.string(), displayName: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
});
export const adminChangePage = z.object({ items: z.array(adminChange) });

export const regionCounty = z.object({ id: z.string(), name: z.string(), monitored: z.number(), openTasks: z.number(), overdueTasks: z.number() });
export const regionView = z.object({ region: z.object({ id: z.string(), name: z.string(), level: z.string() }), counties: z.array(regionCounty) });
