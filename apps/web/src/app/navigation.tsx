import type { SessionUser } from '@desmigratif/contracts';
import {
  IconAddressBook,
  IconBuildingCommunity,
  IconHistory,
  IconHome,
  IconMap2,
  IconTarget,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { linkOptions, type LinkOptions } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { can, isVillageRole } from './auth/permissions';

export interface NavItem {
  key: 'home' | 'villages' | 'myVillage' | 'people' | 'duplicates' | 'regions' | 'targets' | 'users' | 'audit';
  icon: ReactNode;
  link: LinkOptions;
  /** Match sub-pages too (the villages list stays lit on a village's page). */
  fuzzy: boolean;
}

/** The menu for one user: only what their role can open. */
export function navItemsFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [
    { key: 'home', icon: <IconHome size={20} />, link: linkOptions({ to: '/' }), fuzzy: false },
  ];
  if (isVillageRole(user.role)) {
    items.push({
      key: 'myVillage',
      icon: <IconBuildingCommunity size={20} />,
      link: linkOptions({ to: '/desa/$villageCode', params: { villageCode: user.scopeCode } }),
      fuzzy: false,
    });
  } else if (can(user.role, 'viewVillages')) {
    items.push({
      key: 'villages',
      icon: <IconBuildingCommunity size={20} />,
      link: linkOptions({ to: '/desa' }),
      fuzzy: true,
    });
  }
  if (can(user.role, 'viewPeople')) {
    // Village users are sent on to their own village's registry; the item stays lit on every page of the registry.
    items.push({
      key: 'people',
      icon: <IconAddressBook size={20} />,
      link: linkOptions({ to: '/penduduk' }),
      fuzzy: true,
    });
  }
  if (can(user.role, 'reviewDuplicates')) {
    items.push({
      key: 'duplicates',
      icon: <IconUsersGroup size={20} />,
      link: linkOptions({ to: '/duplikat' }),
      fuzzy: false,
    });
  }
  items.push({ key: 'regions', icon: <IconMap2 size={20} />, link: linkOptions({ to: '/wilayah' }), fuzzy: false });
  if (can(user.role, 'viewTargets')) {
    items.push({ key: 'targets', icon: <IconTarget size={20} />, link: linkOptions({ to: '/target' }), fuzzy: false });
  }
  if (can(user.role, 'manageUsers')) {
    items.push({ key: 'users', icon: <IconUsers size={20} />, link: linkOptions({ to: '/pengguna' }), fuzzy: false });
  }
  if (can(user.role, 'viewAudit')) {
    items.push({ key: 'audit', icon: <IconHistory size={20} />, link: linkOptions({ to: '/audit' }), fuzzy: false });
  }
  return items;
}
