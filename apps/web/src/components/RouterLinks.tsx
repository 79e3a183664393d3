import {
  Anchor,
  Button,
  Card,
  NavLink,
  type AnchorProps,
  type ButtonProps,
  type CardProps,
  type NavLinkProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

/** Mantine components that navigate with the router (typed `to`, `params`, `search`). */

type AnchorElementProps<Own> = Omit<ComponentPropsWithRef<'a'>, keyof Own>;

function ButtonLinkBase(props: ButtonProps & AnchorElementProps<ButtonProps>) {
  return <Button component="a" {...props} />;
}

function AnchorLinkBase(props: AnchorProps & AnchorElementProps<AnchorProps>) {
  return <Anchor {...props} />;
}

function NavLinkBase(props: NavLinkProps & AnchorElementProps<NavLinkProps>) {
  return <NavLink component="a" {...props} />;
}

function CardLinkBase(props: CardProps & AnchorElementProps<CardProps>) {
  return <Card component="a" {...props} />;
}

export const ButtonLink = createLink(ButtonLinkBase);
export const AnchorLink = createLink(AnchorLinkBase);
export const NavLinkItem = createLink(NavLinkBase);
export const CardLink = createLink(CardLinkBase);
