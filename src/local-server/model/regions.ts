/**
 * Regions where EIAM is offered, as ListRegions reports them. The emulator answers for all of them
 * from one process; `RegionEndpoint` is the public endpoint a real client would use there.
 */

/** One ListRegions entry. */
export interface RegionInfo {
  regionId: string;
  localName: string;
  regionEndpoint: string;
}

function region(regionId: string, localName: string): RegionInfo {
  return { regionId, localName, regionEndpoint: `eiam.${regionId}.aliyuncs.com` };
}

/** The regions, in the order ListRegions returns them. */
export const REGIONS: readonly RegionInfo[] = Object.freeze([
  region('cn-hangzhou', '华东1（杭州）'),
  region('cn-shanghai', '华东2（上海）'),
  region('cn-beijing', '华北2（北京）'),
  region('cn-shenzhen', '华南1（深圳）'),
  region('cn-hongkong', '中国香港'),
  region('ap-southeast-1', '新加坡'),
]);

/** ListRegions. */
export function listRegions(): readonly RegionInfo[] {
  return REGIONS;
}
