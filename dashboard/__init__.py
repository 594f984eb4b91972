"""Storyscope's Streamlit dashboard: run with `streamlit run dashboard/app.py` from the project root."""
