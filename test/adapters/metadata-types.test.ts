import { Validations } from 'aws-cdk-lib';
import { ACKNOWLEDGED_RULES_METADATA_TYPE } from '../../lib/adapters/metadata-types';

describe('metadata types read without aws-cdk-lib', () => {
  it('names the acknowledgement metadata as aws-cdk-lib records it (a drift would make check miss every acknowledgement)', () => {
    expect(ACKNOWLEDGED_RULES_METADATA_TYPE).toBe(Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
  });
});
