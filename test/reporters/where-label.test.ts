import { join, sep } from 'node:path';
import type { Source } from '../../lib/model/source';
import { displayPath, whereLabel } from '../../lib/reporters/common';

// Both functions remember what they computed (reports name the same few files and resources thousands of
// times); these cases fail if a remembered answer leaks from one working directory into another.
describe('where a finding points', () => {
  const root = join(sep, 'work', 'app');
  const template = join(root, 'cdk.out', 'Orders.template.json');
  const source: Source = {
    templatePath: template,
    logicalId: 'OrdersStage',
    constructPath: '/Orders/Api/DeploymentStage.prod/Resource',
  };

  it('shows a template path relative to the working directory it is given, each time', () => {
    expect(displayPath(template, root)).toBe('cdk.out/Orders.template.json');
    expect(displayPath(template, join(root, 'cdk.out'))).toBe('Orders.template.json');
    expect(displayPath(template, root)).toBe('cdk.out/Orders.template.json');
    expect(displayPath('cdk.out/Orders.template.json', root)).toBe('cdk.out/Orders.template.json');
    expect(displayPath(undefined, root)).toBeUndefined();
  });

  it('labels one source per working directory, with its construct path', () => {
    expect(whereLabel(source, root)).toBe(
      'cdk.out/Orders.template.json › OrdersStage (Orders/Api/DeploymentStage.prod/Resource)',
    );
    expect(whereLabel(source, join(root, 'cdk.out'))).toBe(
      'Orders.template.json › OrdersStage (Orders/Api/DeploymentStage.prod/Resource)',
    );
    expect(whereLabel(source, root)).toBe(
      'cdk.out/Orders.template.json › OrdersStage (Orders/Api/DeploymentStage.prod/Resource)',
    );
  });

  it('falls back to the ARN, or says there is no location', () => {
    expect(whereLabel({ arn: 'arn:aws:apigateway:eu-west-1::/restapis/abc' }, root)).toBe(
      'arn:aws:apigateway:eu-west-1::/restapis/abc',
    );
    expect(whereLabel({}, root)).toBe('(no location)');
  });
});
