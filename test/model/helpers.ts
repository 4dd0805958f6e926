import { fromTemplate, parseTemplate } from '../../lib/model/template';
import type { Api, Inventory } from '../../lib/model/types';

/** Build an inventory from YAML/JSON template text. */
export function buildYaml(text: string, stackName?: string): Inventory {
  const inventory = fromTemplate(parseTemplate(text, 'test.yaml'), {
    templatePath: 'test.yaml',
    ...(stackName ? { stackName } : {}),
  });
  // Every test also checks that no internal reference token leaks into the model.
  if (hasToken(JSON.stringify(inventory))) throw new Error('an internal reference token leaked into the inventory');
  return inventory;
}

export function hasToken(text: string): boolean {
  return text.includes(String.fromCharCode(1)) || text.includes(String.fromCharCode(2));
}

export function apiById(inventory: Inventory, id: string): Api {
  const api = inventory.apis.find((candidate) => candidate.id === id);
  if (!api) throw new Error(`no API ${id} in ${inventory.apis.map((a) => a.id).join(', ')}`);
  return api;
}
