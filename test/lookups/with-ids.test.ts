import { withIds } from '../../src/lookups';

describe('withIds', () => {
  it('passes an object that carries its ids through, now typed as having them', () => {
    const unit: { organizationalUnitId?: string; organizationalUnitName?: string } = {
      organizationalUnitId: 'ou_1',
    };
    const checked = withIds(unit, ['organizationalUnitId'], 'GetOrganizationalUnit');
    const id: string = checked.organizationalUnitId;
    expect(id).toBe('ou_1');
  });

  it('names the operation and the field when the service left the id out', () => {
    expect(() => withIds({ groupId: '' }, ['groupId'], 'GetGroup')).toThrow(
      'EIAM GetGroup returned an object without groupId',
    );
  });
});
