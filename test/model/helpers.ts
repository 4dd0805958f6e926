import { fromTemplate, parseTemplate } from '../../lib/model/template';
import type { Api, Inventory } from '../../lib/model/types';

/** Build an inventory from YAML/JSON template text. */
export function buildYaml(text: string, stackName?: string): Inventory {
  return fromTemplate(parseTemplate(text, 'test.yaml'), { templatePath: 'test.yaml', ...(stackName ? { stackName } : {}) });
}

export function apiById(inventory: Inventory, id: string): Api {
  const api = inventory.apis.find((candidate) => candidate.id === id);
  if (!api) throw new Error(`no API ${id} in ${inventory.apis.map((a) => a.id).join(', ')}`);
  return api;
}
