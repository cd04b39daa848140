/** Whether a person's text says nothing: missing, not text, or only white space. */
export const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim().length === 0;
