"""one kind of area follow: a first-timer's "tell me about the next meetup in <city>"
(area_follows) becomes an ordinary followed_areas row (default radius, source "welcome")

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 16:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

from bot.store.schema import UTCDateTime

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
RADIUS_KM = 50  # bot.domain.areas.DEFAULT_FOLLOW_RADIUS_KM when this was written

# a member's own follow of the same city wins (its radius and source are kept)
MOVE_OVER = f"""
INSERT INTO followed_areas (community_id, user_id, city_id, radius_km, source, created_at)
SELECT a.community_id, a.user_id, a.city_id, {RADIUS_KM}, 'welcome', a.created_at
FROM area_follows a
WHERE NOT EXISTS (
    SELECT 1 FROM followed_areas f
    WHERE f.community_id = a.community_id AND f.user_id = a.user_id AND f.city_id = a.city_id
)
"""

MOVE_BACK = """
INSERT INTO area_follows (community_id, user_id, city_id, created_at)
SELECT community_id, user_id, city_id, created_at FROM followed_areas WHERE source = 'welcome'
"""


def upgrade() -> None:
    op.execute(MOVE_OVER)
    op.drop_index(op.f("ix_area_follows_community_id_city_id"), table_name="area_follows")
    op.drop_table("area_follows")


def downgrade() -> None:
    op.create_table(
        "area_follows",
        sa.Column("community_id", ID, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["community_id"], ["communities.id"], ondelete="CASCADE",
                                name=op.f("fk_area_follows_community_id_communities")),
        sa.PrimaryKeyConstraint("community_id", "user_id", "city_id",
                                name=op.f("pk_area_follows")),
    )
    op.create_index(op.f("ix_area_follows_community_id_city_id"), "area_follows",
                    ["community_id", "city_id"])
    op.execute(MOVE_BACK)
    op.execute("DELETE FROM followed_areas WHERE source = 'welcome'")
