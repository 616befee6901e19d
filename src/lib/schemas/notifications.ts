import { z } from 'zod';
import { listFilterFields } from './listFilters';

/** The list's query: its page (a page that is not a number shows the first). */
export const notificationListSchema = z.object({ page: listFilterFields.page });

/** "Mark as read" of one notification. */
export const markReadSchema = z.object({ id: z.uuid() });
