// Message keys for classifieds categories (message names cannot hold "-").
import type { Category } from '../classifieds/types';
import type { MessageKey } from './i18n';

const id = (c: Category) => c.replace(/-/g, '_');
export const categoryLabelKey = (c: Category) => `cat_${id(c)}` as MessageKey;
export const collapsedLabelKey = (c: Category) => `collapsed_${id(c)}` as MessageKey;
