/**
 * Shop names for extension pages (issue 21: names such as 山茶小铺 instead of ids everywhere).
 * The background resolves each shop's name (the popup's name, else the one the back-office
 * shows, else the id); pages ask once with `shops/list`.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../client';
import type { ShopRef } from '../messages/shared';
import type { ShopSummary } from '../messages/shops';

/** Platform names as merchants say them. */
export const PLATFORM_NAMES: Record<ShopRef['platform'], { readonly zh: string; readonly en: string }> = {
  douyin: { zh: '抖店', en: 'Douyin' },
  wechat: { zh: '微信小店', en: 'WeChat Shop' },
  jd: { zh: '京东', en: 'JD' },
};

/**
 * The display name of a shop from a `shops/list` answer, else its id.
 * @example
 * shopLabel(shops, { platform: 'douyin', shopId: '68923417' }); // '山茶小铺'
 */
export function shopLabel(shops: readonly ShopSummary[], shop: ShopRef): string {
  const s = shops.find((x) => x.platform === shop.platform && x.shopId === shop.shopId);
  return s?.shopName ?? shop.shopId;
}

/**
 * Hook: `shops/list` once, then a function naming any shop.
 * @example
 * const nameOf = useShopNames();
 * nameOf({ platform: 'jd', shopId: '10086' }); // '青禾家居京东旗舰店'
 */
export function useShopNames(): (shop: ShopRef) => string {
  const [shops, setShops] = useState<readonly ShopSummary[]>([]);
  useEffect(() => {
    void send({ type: 'shops/list' }).then((r) => {
      if (r.ok) setShops(r.value);
    });
  }, []);
  return (shop) => shopLabel(shops, shop);
}
