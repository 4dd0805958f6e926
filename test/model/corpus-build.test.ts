import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { fromTemplate, parseTemplate } from '../../lib/model/template';
import { corpusFolder } from '../helpers/corpus';
import { hasToken } from './helpers';

const TEMPLATES = corpusFolder('templates');
const files = readdirSync(TEMPLATES)
  .filter((file) => /\.(json|ya?ml|template)$/.test(file))
  .sort();

// Decided from the raw text, independently of the parser under test.
const usesSam = (text: string): boolean => /Transform["']?\s*:[\s\S]{0,60}?AWS::Serverless-2016-10-31/.test(text);
// Types that always yield a model element (a Deployment without StageName, for one, creates no stage).
const hasModelledResource = (text: string): boolean =>
  /AWS::ApiGateway(V2)?::(RestApi|Api|Stage|Method|Route|DomainName|UsagePlan|Authorizer)\b/.test(text);

describe('corpus: every template parses and builds', () => {
  it('has the 72 templates the README lists', () => {
    expect(files).toHaveLength(72);
  });

  it.each(files)('%s builds without throwing', (file) => {
    const text = readFileSync(path.join(TEMPLATES, file), 'utf8');
    const inventory = fromTemplate(parseTemplate(text, file), { templatePath: file });
    const sam = inventory.notices.filter((notice) => notice.code === 'NOT_EVALUABLE_SAM');
    if (usesSam(text)) {
      // The SAM builder (lib/model/sam) expands the transform: its APIs are modelled, nothing is "not evaluable".
      expect(sam).toHaveLength(0);
      if (/AWS::Serverless::(Api|HttpApi)\b/.test(text)) expect(inventory.apis.length).toBeGreaterThan(0);
    } else {
      expect(sam).toHaveLength(0);
      if (hasModelledResource(text)) {
        expect(inventory.apis.length + inventory.domains.length + inventory.usagePlans.length).toBeGreaterThan(0);
      }
    }
    // Everything must be serialisable (reporters write the inventory as JSON).
    // and no internal reference token may leak into the model.
    expect(hasToken(JSON.stringify(inventory))).toBe(false);
  });
});
