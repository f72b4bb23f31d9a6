"""Each tenant's own settings (:class:`bot.tenants.TenantSettings`), kept in the tenant's store.

One record of the tenant's records port (:mod:`store.records`: kind ``tenant``, key
``settings``), so it lives where the rest of the workspace's data does (its TinyDB file, or
rows with its ``tenant`` in PostgreSQL) and never crosses to another tenant.
"""

from __future__ import annotations

from pydantic import ValidationError

from bot.config import Settings
from bot.tenants import TenantSettings, tenant_view
from store.base import Store
from store.errors import StoreError

KIND = "tenant"
KEY = "settings"


async def load_tenant_settings(store: Store) -> TenantSettings | None:
    """What the store's tenant set for itself, or ``None``; raises :class:`StoreError` when unreadable."""
    found = await store.records.get(KIND, KEY)
    if found is None:
        return None
    try:
        return TenantSettings.model_validate(found)
    except ValidationError as error:
        raise StoreError(
            "store.bad_record", path=store.location(), table=f"records/{KIND}", detail=error.errors()[0]["msg"]
        ) from None


async def save_tenant_settings(store: Store, own: TenantSettings) -> None:
    """Replace the tenant's settings; settings with nothing set are removed."""
    if own.is_empty():
        await store.records.delete(KIND, KEY)
    else:
        await store.records.put(KIND, KEY, own.model_dump(exclude_none=True))


async def tenant_settings(settings: Settings, store: Store) -> Settings:
    """``settings`` as the store's tenant is served (:func:`bot.tenants.tenant_view`)."""
    return tenant_view(settings, store.tenant, await load_tenant_settings(store))
